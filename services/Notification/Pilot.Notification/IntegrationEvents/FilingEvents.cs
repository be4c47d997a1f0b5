using Pilot.EventBus;
using Pilot.Notification.Domain.Routing;

namespace Pilot.Notification.IntegrationEvents;

// Filing's contracts on filing-events, as far as Notification reads them (its own copies: services share no event
// assemblies; unknown fields are ignored).

public sealed record EventOccupation(string Code, string? SubType)
{
    public override string ToString() => SubType is { Length: > 0 } subType ? $"{Code}（{subType}）" : Code;
}

public sealed record MissingItem(string Field, string Description);

public sealed record PackageAccepted(
    string PackageId, string BatchId, string SponsorOrgId, int VersionNumber, string ReceiptNumber, DateTimeOffset ReceivedAt) : IIntegrationEvent, INotifiable
{
    public static string EventType => EventTypes.PackageAccepted;

    public static string Topic => PilotTopics.Filing;

    public NotificationEvent ToNotification(string eventId, DateTimeOffset occurredAt) => Facts.Event(eventId, EventType, occurredAt, PackageId, new(StringComparer.Ordinal)
    {
        ["packageId"] = PackageId,
        ["batchId"] = BatchId,
        ["sponsorOrgId"] = SponsorOrgId,
        ["versionNumber"] = Facts.Number(VersionNumber),
        ["receiptNumber"] = ReceiptNumber,
        ["receivedAt"] = Facts.Time(ReceivedAt),
    });
}

public sealed record PackageRefused(string PackageId, string BatchId, string SponsorOrgId, IReadOnlyList<MissingItem>? Missing) : IIntegrationEvent, INotifiable
{
    public static string EventType => EventTypes.PackageRefused;

    public static string Topic => PilotTopics.Filing;

    public NotificationEvent ToNotification(string eventId, DateTimeOffset occurredAt) => Facts.Event(eventId, EventType, occurredAt, PackageId, new(StringComparer.Ordinal)
    {
        ["packageId"] = PackageId,
        ["batchId"] = BatchId,
        ["sponsorOrgId"] = SponsorOrgId,
        ["missingList"] = string.Join('\n', (Missing ?? []).Select((m, i) => $"{i + 1}. {m.Description}（{m.Field}）")),
    });
}

public sealed record FilingSubmitted(
    string FilingId, string BatchId, string BranchId, string OrganisationId, string RegionCode, string RegionName,
    IReadOnlyList<EventOccupation>? Occupations, int Attempt) : IIntegrationEvent, INotifiable
{
    public static string EventType => EventTypes.FilingSubmitted;

    public static string Topic => PilotTopics.Filing;

    public NotificationEvent ToNotification(string eventId, DateTimeOffset occurredAt) => Facts.Event(eventId, EventType, occurredAt, FilingId, new(StringComparer.Ordinal)
    {
        ["filingId"] = FilingId,
        ["batchId"] = BatchId,
        ["branchId"] = BranchId,
        ["organisationId"] = OrganisationId,
        ["regionCode"] = RegionCode,
        ["regionName"] = RegionName,
        ["occupations"] = string.Join("、", (Occupations ?? []).Select(o => o.ToString())),
        ["attempt"] = Facts.Number(Attempt),
    });
}

public sealed record FilingAccepted(
    string FilingId, string BatchId, string FilingNumber, DateOnly FiledOn, string BranchId, string OrganisationId, string RegionCode, string RegionName)
    : IIntegrationEvent, INotifiable
{
    public static string EventType => EventTypes.FilingAccepted;

    public static string Topic => PilotTopics.Filing;

    public NotificationEvent ToNotification(string eventId, DateTimeOffset occurredAt) => Facts.Event(eventId, EventType, occurredAt, FilingId, new(StringComparer.Ordinal)
    {
        ["filingId"] = FilingId,
        ["batchId"] = BatchId,
        ["filingNumber"] = FilingNumber,
        ["filedOn"] = Facts.Date(FiledOn),
        ["branchId"] = BranchId,
        ["organisationId"] = OrganisationId,
        ["regionCode"] = RegionCode,
        ["regionName"] = RegionName,
    });
}

public sealed record FilingRejected(
    string FilingId, string BatchId, string BranchId, string OrganisationId, string RegionCode, string RegionName, string Reason) : IIntegrationEvent, INotifiable
{
    public static string EventType => EventTypes.FilingRejected;

    public static string Topic => PilotTopics.Filing;

    public NotificationEvent ToNotification(string eventId, DateTimeOffset occurredAt) => Facts.Event(eventId, EventType, occurredAt, FilingId, new(StringComparer.Ordinal)
    {
        ["filingId"] = FilingId,
        ["batchId"] = BatchId,
        ["branchId"] = BranchId,
        ["organisationId"] = OrganisationId,
        ["regionCode"] = RegionCode,
        ["regionName"] = RegionName,
        ["reason"] = Reason,
    });
}
