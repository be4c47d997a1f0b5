namespace Pilot.Registry.Domain.Events;

public sealed record BatchClosed(string BatchId, string Name) : IRegistryEvent
{
    public const string Type = "pilot.registry.batch-closed.v1";

    public string EventType => Type;

    public string Subject => BatchId;
}
