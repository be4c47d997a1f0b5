using Pilot.EventBus;

namespace Pilot.Filing.IntegrationEvents;

/// <summary>A package lacked documents, sections or regulations (R7); nothing was stored.</summary>
/// <param name="Missing">One entry per missing item, the same list the submitter got back.</param>
public sealed record PackageRefused(
    string PackageId,
    string BatchId,
    string SponsorOrgId,
    string SubmitterKind,
    IReadOnlyList<MissingItem> Missing,
    DateTimeOffset OccurredAt) : FilingIntegrationEvent(OccurredAt), IIntegrationEvent
{
    public static string EventType => "pilot.filing.package-refused.v1";

    public static string Topic => PilotTopics.Filing;

    public override string Type => EventType;

    public override string Subject => PackageId;
}
