using Pilot.EventBus;
using Pilot.Publication.Domain.Publicity;

namespace Pilot.Publication.IntegrationEvents;

/// <summary>
/// An entry's publicity ended (三.5): <c>passed</c> (no upheld objection; ready for the directory) or <c>withdrawn</c>
/// (an objection was upheld; out of this batch's directory until publicised again, R5).
/// </summary>
public sealed record PublicityConcluded(
    string EntryId,
    string Kind,
    string FilingId,
    string BatchId,
    string? BranchId,
    string OrganisationId,
    string? RegionCode,
    string? RegionName,
    string? FilingNumber,
    string Outcome,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    DateTimeOffset ConcludedAt) : IIntegrationEvent, IEventSubject
{
    public static string EventType => "pilot.publication.publicity-concluded.v1";

    public static string Topic => PilotTopics.Publication;

    public string Subject => EntryId;

    public static PublicityConcluded Of(PublicityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var outcome = entry.Status switch
        {
            PublicityStatus.Passed => "passed",
            PublicityStatus.Withdrawn => "withdrawn",
            _ => throw new ArgumentException($"publicity {entry.EntryId} has not concluded ({entry.Status})", nameof(entry)),
        };
        return new PublicityConcluded(
            entry.EntryId, PublicationEventNames.Of(entry.Kind), entry.FilingId, entry.BatchId, entry.BranchId, entry.OrganisationId, entry.RegionCode,
            entry.RegionName, entry.FilingNumber, outcome, entry.Period.OpensOn, entry.Period.ClosesOn, entry.ConcludedAt ?? default);
    }
}
