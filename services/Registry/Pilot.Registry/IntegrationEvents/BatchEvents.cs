using Pilot.EventBus;

namespace Pilot.Registry.IntegrationEvents;

public sealed record BatchOpened(
    string BatchId,
    string Name,
    DateOnly PlanStandardsAndFirstListDue,
    DateOnly LocalFilingGuidanceDue,
    DateOnly ImplementationPublicityAndDirectoryDue) : IIntegrationEvent, IEventSubject
{
    public static string EventType => "pilot.registry.batch-opened.v1";

    public static string Topic => PilotTopics.Registry;

    public string Subject => BatchId;
}

public sealed record BatchClosed(string BatchId, string Name) : IIntegrationEvent, IEventSubject
{
    public static string EventType => "pilot.registry.batch-closed.v1";

    public static string Topic => PilotTopics.Registry;

    public string Subject => BatchId;
}
