namespace Pilot.Registry.Domain.Events;

public sealed record BatchOpened(
    string BatchId,
    string Name,
    DateOnly PlanStandardsAndFirstListDue,
    DateOnly LocalFilingGuidanceDue,
    DateOnly ImplementationPublicityAndDirectoryDue) : IRegistryEvent
{
    public string Subject => BatchId;
}
