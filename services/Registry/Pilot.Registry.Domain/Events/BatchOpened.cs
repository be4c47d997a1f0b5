namespace Pilot.Registry.Domain.Events;

public sealed record BatchOpened(
    string BatchId,
    string Name,
    DateOnly PlanStandardsAndFirstListDue,
    DateOnly LocalFilingGuidanceDue,
    DateOnly ImplementationPublicityAndDirectoryDue) : IRegistryEvent
{
    public const string Type = "pilot.registry.batch-opened.v1";

    public string EventType => Type;

    public string Subject => BatchId;
}
