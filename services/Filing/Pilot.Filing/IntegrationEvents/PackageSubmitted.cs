using Pilot.EventBus;

namespace Pilot.Filing.IntegrationEvents;

/// <summary>A sponsor handed in a package that passed the format checks; it is followed by accepted or refused.</summary>
/// <param name="SubmitterKind"><c>department</c> or <c>industryOrganisation</c>: which checklist applies.</param>
public sealed record PackageSubmitted(
    string PackageId,
    string BatchId,
    string SponsorOrgId,
    string SubmitterKind,
    IReadOnlyList<string> DocumentIds,
    EventLateness Lateness,
    DateTimeOffset OccurredAt) : FilingIntegrationEvent(OccurredAt), IIntegrationEvent
{
    public static string EventType => "pilot.filing.package-submitted.v1";

    public static string Topic => PilotTopics.Filing;

    public override string Type => EventType;

    public override string Subject => PackageId;
}
