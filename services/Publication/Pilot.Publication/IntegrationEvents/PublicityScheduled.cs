using Pilot.EventBus;
using Pilot.Publication.Domain.Publicity;

namespace Pilot.Publication.IntegrationEvents;

/// <summary>
/// A filed branch goes into online publicity (三.5) from <see cref="OpensOn"/> to <see cref="ClosesOn"/>: what the
/// information platform shows, and the days in which the public may object.
/// </summary>
public sealed record PublicityScheduled(
    string FilingId,
    string BatchId,
    string BranchId,
    string OrganisationId,
    string RegionCode,
    string RegionName,
    string FilingNumber,
    IReadOnlyList<AcceptedOccupation> Occupations,
    DateOnly OpensOn,
    DateOnly ClosesOn) : IIntegrationEvent, IEventSubject
{
    public static string EventType => "pilot.publication.publicity-scheduled.v1";

    public static string Topic => PilotTopics.Publication;

    public string Subject => FilingId;

    public static PublicityScheduled Of(BranchPublicity publicity)
    {
        ArgumentNullException.ThrowIfNull(publicity);
        return new PublicityScheduled(
            publicity.FilingId, publicity.BatchId, publicity.BranchId, publicity.OrganisationId, publicity.RegionCode, publicity.RegionName,
            publicity.FilingNumber, publicity.Occupations, publicity.Period.OpensOn, publicity.Period.ClosesOn);
    }
}
