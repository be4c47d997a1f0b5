using Pilot.EventBus;
using Pilot.Notification.Domain.Routing;

namespace Pilot.Notification.IntegrationEvents;

// The Registry's contracts on registry-events, as far as Notification reads them: contacts (kept as a copy) and
// recommendations (who sponsors whom, and a message to the recommended).

public sealed record EventContact(string Name, string Phone, string Email);

public sealed record OrganisationRegistered(string OrganisationId, string Name, IReadOnlyList<EventContact>? Contacts) : IIntegrationEvent
{
    public static string EventType => "pilot.registry.organisation-registered.v1";

    public static string Topic => PilotTopics.Registry;
}

public sealed record OrganisationContactsChanged(string OrganisationId, string Name, IReadOnlyList<EventContact>? Contacts) : IIntegrationEvent
{
    public static string EventType => "pilot.registry.organisation-contacts-changed.v1";

    public static string Topic => PilotTopics.Registry;
}

public sealed record BatchOpened(string BatchId, string Name, DateOnly PlanStandardsAndFirstListDue, DateOnly LocalFilingGuidanceDue, DateOnly ImplementationPublicityAndDirectoryDue)
    : IIntegrationEvent
{
    public static string EventType => "pilot.registry.batch-opened.v1";

    public static string Topic => PilotTopics.Registry;
}

public sealed record BatchClosed(string BatchId, string Name) : IIntegrationEvent
{
    public static string EventType => "pilot.registry.batch-closed.v1";

    public static string Topic => PilotTopics.Registry;
}

public sealed record RecommendedOrganisation(string OrganisationId, string Name);

public sealed record OrganisationsRecommended(string BatchId, string DepartmentId, string DepartmentName, IReadOnlyList<RecommendedOrganisation>? Organisations)
    : IIntegrationEvent, INotifiable
{
    public static string EventType => EventTypes.OrganisationsRecommended;

    public static string Topic => PilotTopics.Registry;

    public NotificationEvent ToNotification(string eventId, DateTimeOffset occurredAt) => Facts.Event(
        eventId, EventType, occurredAt, DepartmentId,
        new(StringComparer.Ordinal)
        {
            ["batchId"] = BatchId,
            ["departmentId"] = DepartmentId,
            ["departmentName"] = DepartmentName,
        },
        new(StringComparer.Ordinal) { ["organisations"] = [.. (Organisations ?? []).Select(o => o.OrganisationId)] });
}
