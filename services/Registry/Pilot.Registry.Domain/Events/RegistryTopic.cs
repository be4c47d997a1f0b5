namespace Pilot.Registry.Domain.Events;

public static class RegistryTopic
{
    public const string Name = "registry-events";

    /// <summary>The Registry's app id on the bus: its consumer group, and the seed of its event ids.</summary>
    public const string AppId = "registry";
}
