using Pilot.EventBus;
using Pilot.Notification.Domain.Routing;

namespace Pilot.Notification.IntegrationEvents;

// Publication's contracts on publication-events, as far as Notification reads them.

/// <summary>An entry's publicity opens: a branch's (its filing accepted) or, with no branch, an organisation's.</summary>
public sealed record PublicityScheduled(
    string FilingId, string BatchId, string? BranchId, string OrganisationId, string? RegionCode, string? RegionName, string? FilingNumber,
    DateOnly OpensOn, DateOnly ClosesOn) : IIntegrationEvent, INotifiable
{
    public static string EventType => EventTypes.PublicityScheduled;

    public static string Topic => PilotTopics.Publication;

    public NotificationEvent ToNotification(string eventId, DateTimeOffset occurredAt) => Facts.Event(eventId, EventType, occurredAt, FilingId, new(StringComparer.Ordinal)
    {
        ["filingId"] = FilingId,
        ["batchId"] = BatchId,
        ["organisationId"] = OrganisationId,
        ["entryText"] = Facts.Entry(BranchId, OrganisationId, FilingNumber, RegionName),
        ["opensOn"] = Facts.Date(OpensOn),
        ["closesOn"] = Facts.Date(ClosesOn),
    });
}

/// <param name="Outcome"><c>passed</c> or <c>withdrawn</c>.</param>
public sealed record PublicityConcluded(
    string FilingId, string BatchId, string? BranchId, string OrganisationId, string? RegionCode, string? RegionName, string? FilingNumber, string Outcome,
    DateOnly OpensOn, DateOnly ClosesOn) : IIntegrationEvent, INotifiable
{
    public static string EventType => EventTypes.PublicityConcluded;

    public static string Topic => PilotTopics.Publication;

    public NotificationEvent ToNotification(string eventId, DateTimeOffset occurredAt) => Facts.Event(eventId, EventType, occurredAt, FilingId, new(StringComparer.Ordinal)
    {
        ["filingId"] = FilingId,
        ["batchId"] = BatchId,
        ["organisationId"] = OrganisationId,
        ["entryText"] = Facts.Entry(BranchId, OrganisationId, FilingNumber, RegionName),
        ["outcomeText"] = Outcome switch { "passed" => "公示通过，无异议成立", "withdrawn" => "异议成立，暂不列入目录", _ => Outcome },
        ["opensOn"] = Facts.Date(OpensOn),
        ["closesOn"] = Facts.Date(ClosesOn),
    });
}

/// <summary>Never carries the objector's personal data, so no message can leak it.</summary>
/// <remarks>An objection to an organisation's own entry has no branch and no region: only the organisation hears it.</remarks>
public sealed record ObjectionRaised(
    string ObjectionId, string FilingId, string BatchId, string? BranchId, string OrganisationId, string? RegionCode, string? RegionName, string? FilingNumber,
    DateTimeOffset RaisedAt, DateOnly ClosesOn) : IIntegrationEvent, INotifiable
{
    public static string EventType => EventTypes.ObjectionRaised;

    public static string Topic => PilotTopics.Publication;

    public NotificationEvent ToNotification(string eventId, DateTimeOffset occurredAt) => Facts.Event(eventId, EventType, occurredAt, ObjectionId, new(StringComparer.Ordinal)
    {
        ["objectionId"] = ObjectionId,
        ["filingId"] = FilingId,
        ["batchId"] = BatchId,
        ["organisationId"] = OrganisationId,
        ["regionCode"] = RegionCode ?? "",
        ["entryText"] = Facts.Entry(BranchId, OrganisationId, FilingNumber, RegionName),
        ["raisedAt"] = Facts.Time(RaisedAt),
        ["closesOn"] = Facts.Date(ClosesOn),
    });
}

/// <param name="Outcome"><c>upheld</c> or <c>dismissed</c>.</param>
public sealed record ObjectionResolved(
    string ObjectionId, string FilingId, string BatchId, string? BranchId, string OrganisationId, string? RegionCode, string Outcome, string? Reason,
    DateTimeOffset ResolvedAt) : IIntegrationEvent, INotifiable
{
    public static string EventType => EventTypes.ObjectionResolved;

    public static string Topic => PilotTopics.Publication;

    public NotificationEvent ToNotification(string eventId, DateTimeOffset occurredAt) => Facts.Event(eventId, EventType, occurredAt, ObjectionId, new(StringComparer.Ordinal)
    {
        ["objectionId"] = ObjectionId,
        ["filingId"] = FilingId,
        ["batchId"] = BatchId,
        ["organisationId"] = OrganisationId,
        ["regionCode"] = RegionCode ?? "",
        ["entryText"] = Facts.Entry(BranchId, OrganisationId, null, null),
        ["outcomeText"] = Outcome switch { "upheld" => "异议成立", "dismissed" => "异议不成立", _ => Outcome },
        ["reason"] = string.IsNullOrWhiteSpace(Reason) ? "（未说明）" : Reason,
        ["resolvedAt"] = Facts.Time(ResolvedAt),
    });
}

/// <summary>An organisation of the directory, as far as routing reads it (Publication sends it whole, with its branches).</summary>
public sealed record DirectoryEntry(string OrganisationId, string? SponsorId);

/// <param name="Organisations">The directory's organisations (Publication's field).</param>
/// <param name="Entries">The same in the shape first announced for the contract; read too, so either reaches everyone.</param>
public sealed record DirectoryPublished(
    string BatchId, int Version, string ExportSha256, string? PreviousSha256, int OrganisationCount, int BranchCount, DateTimeOffset PublishedAt,
    IReadOnlyList<DirectoryEntry>? Organisations, IReadOnlyList<DirectoryEntry>? Entries = null) : IIntegrationEvent, INotifiable
{
    public static string EventType => EventTypes.DirectoryPublished;

    public static string Topic => PilotTopics.Publication;

    public NotificationEvent ToNotification(string eventId, DateTimeOffset occurredAt)
    {
        var entries = (Organisations ?? []).Concat(Entries ?? []).ToList();
        return Facts.Event(
            eventId, EventType, occurredAt, $"{BatchId}/v{Version}",
            new(StringComparer.Ordinal)
            {
                ["batchId"] = BatchId,
                ["version"] = Facts.Number(Version),
                ["exportSha256"] = ExportSha256,
                ["organisationCount"] = Facts.Number(OrganisationCount),
                ["branchCount"] = Facts.Number(BranchCount),
                ["publishedAt"] = Facts.Time(PublishedAt),
            },
            new(StringComparer.Ordinal)
            {
                ["organisations"] = [.. entries.Select(e => e.OrganisationId).Where(id => !string.IsNullOrEmpty(id)).Distinct()],
                [RoutingTable.SponsorsList] = [.. entries.Select(e => e.SponsorId).OfType<string>().Where(id => id.Length > 0).Distinct()],
            });
    }
}
