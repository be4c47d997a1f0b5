namespace Pilot.Registry.Domain.Events;

public sealed record BatchClosed(string BatchId, string Name) : IRegistryEvent
{
    public string Subject => BatchId;
}
