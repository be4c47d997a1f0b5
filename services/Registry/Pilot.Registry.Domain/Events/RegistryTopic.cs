namespace Pilot.Registry.Domain.Events;

public static class RegistryTopic
{
    public const string Name = "registry-events";
}
