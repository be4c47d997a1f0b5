namespace Pilot.Filing.Domain.Events;

/// <summary>Where Filing's events go.</summary>
public static class FilingEventsTopic
{
    public const string Name = "filing-events";

    /// <summary>Filing's app id on the bus: its consumer group, and the seed of its event ids.</summary>
    public const string AppId = "filing";
}
