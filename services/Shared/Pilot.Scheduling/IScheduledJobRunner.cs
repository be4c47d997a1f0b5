namespace Pilot.Scheduling;

/// <summary>Runs due jobs. The hosted loop calls it every poll; tests call it directly, driving the clock themselves.</summary>
public interface IScheduledJobRunner
{
    /// <summary>
    /// One pass: claims up to a batch of the jobs due by the <see cref="TimeProvider"/>'s now and runs them.
    /// Returns how many committed their effects.
    /// </summary>
    Task<int> RunDueAsync(CancellationToken cancellationToken);
}
