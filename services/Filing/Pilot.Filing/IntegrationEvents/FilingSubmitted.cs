using Pilot.EventBus;

namespace Pilot.Filing.IntegrationEvents;

/// <summary>A branch's filing reached its provincial bureau; <see cref="Attempt"/> is above 1 after a rejection.</summary>
public sealed record FilingSubmitted(
    string FilingId,
    string BatchId,
    string BranchId,
    string OrganisationId,
    string RegionCode,
    string RegionName,
    IReadOnlyList<EventOccupation> Occupations,
    int Attempt,
    EventLateness Lateness,
    DateTimeOffset OccurredAt) : FilingIntegrationEvent(OccurredAt), IIntegrationEvent
{
    public static string EventType => "pilot.filing.filing-submitted.v1";

    public static string Topic => PilotTopics.Filing;

    public override string Type => EventType;

    public override string Subject => FilingId;
}
