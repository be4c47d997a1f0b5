using Pilot.EventBus;

namespace Pilot.Filing.IntegrationEvents;

/// <summary>The bureau of the branch's region rejected its filing, saying why; the branch may file again.</summary>
public sealed record FilingRejected(
    string FilingId,
    string BatchId,
    string BranchId,
    string OrganisationId,
    string RegionCode,
    string RegionName,
    string Reason,
    DateTimeOffset OccurredAt) : FilingIntegrationEvent(OccurredAt), IIntegrationEvent
{
    public static string EventType => "pilot.filing.filing-rejected.v1";

    public static string Topic => PilotTopics.Filing;

    public override string Type => EventType;

    public override string Subject => FilingId;
}
