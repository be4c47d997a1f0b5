using Pilot.EventBus;
using Pilot.Publication.Domain.Publicity;

namespace Pilot.Publication.IntegrationEvents;

/// <summary>
/// A branch's publicity ended (三.5): <c>passed</c> (no upheld objection; the branch is ready for the directory) or
/// <c>withdrawn</c> (an objection was upheld; out of this batch's directory until publicised again, R5).
/// </summary>
public sealed record PublicityConcluded(
    string FilingId,
    string BatchId,
    string BranchId,
    string OrganisationId,
    string RegionCode,
    string RegionName,
    string FilingNumber,
    string Outcome,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    DateTimeOffset ConcludedAt) : IIntegrationEvent, IEventSubject
{
    public static string EventType => "pilot.publication.publicity-concluded.v1";

    public static string Topic => PilotTopics.Publication;

    public string Subject => FilingId;

    public static PublicityConcluded Of(BranchPublicity publicity)
    {
        ArgumentNullException.ThrowIfNull(publicity);
        var outcome = publicity.Status switch
        {
            PublicityStatus.Passed => "passed",
            PublicityStatus.Withdrawn => "withdrawn",
            _ => throw new ArgumentException($"publicity {publicity.FilingId} has not concluded ({publicity.Status})", nameof(publicity)),
        };
        return new PublicityConcluded(
            publicity.FilingId, publicity.BatchId, publicity.BranchId, publicity.OrganisationId, publicity.RegionCode, publicity.RegionName,
            publicity.FilingNumber, outcome, publicity.Period.OpensOn, publicity.Period.ClosesOn, publicity.ConcludedAt ?? default);
    }
}
