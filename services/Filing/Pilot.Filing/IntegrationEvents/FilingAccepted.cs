using Pilot.EventBus;

namespace Pilot.Filing.IntegrationEvents;

/// <summary>
/// The bureau of the branch's region accepted its filing; Publication starts the online publicity (三.5) from this
/// event, so it carries everything the publicity shows.
/// </summary>
public sealed record FilingAccepted(
    string FilingId,
    string BatchId,
    string FilingNumber,
    DateOnly FiledOn,
    string BranchId,
    string OrganisationId,
    string RegionCode,
    string RegionName,
    IReadOnlyList<EventOccupation> Occupations,
    DateTimeOffset OccurredAt) : FilingIntegrationEvent(OccurredAt), IIntegrationEvent
{
    public static string EventType => "pilot.filing.filing-accepted.v1";

    public static string Topic => PilotTopics.Filing;

    public override string Type => EventType;

    public override string Subject => FilingId;
}
