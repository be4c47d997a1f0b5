using Pilot.EventBus;

namespace Pilot.Filing.IntegrationEvents;

/// <summary>
/// A complete package was received (the 函告 of step 2) and stored as a new version; <see cref="BranchIds"/> are the
/// branches it names, the ones that may now file locally.
/// </summary>
public sealed record PackageAccepted(
    string PackageId,
    string BatchId,
    string SponsorOrgId,
    string SubmitterKind,
    int VersionNumber,
    string ReceiptNumber,
    DateTimeOffset ReceivedAt,
    EventLateness Lateness,
    IReadOnlyList<string> BranchIds,
    DateTimeOffset OccurredAt) : FilingIntegrationEvent(OccurredAt), IIntegrationEvent
{
    public static string EventType => "pilot.filing.package-accepted.v1";

    public static string Topic => PilotTopics.Filing;

    public override string Type => EventType;

    public override string Subject => PackageId;
}
