namespace Pilot.Filing.Domain.Events;

/// <summary>Where Filing's events go.</summary>
public static class FilingEventsTopic
{
    public const string Name = "filing-events";

    /// <summary>CloudEvents source attribute of every Filing event.</summary>
    public const string Source = "/pilot/filing";
}
