namespace Pilot.Scheduling;

internal static class RetryBackoff
{
    /// <summary>
    /// The wait after failed attempt <paramref name="attempt"/> (1-based): doubling from the retry delay up to the cap,
    /// then up to a quarter more at random, so jobs that failed together (a dependency down) do not retry together.
    /// The jitter only adds, so each wait is still longer than the one before until the cap.
    /// </summary>
    public static TimeSpan After(int attempt, SchedulingOptions options, double random)
    {
        var doubled = options.RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(doubled, Math.Max(options.MaxRetryDelay.TotalMilliseconds, options.RetryDelay.TotalMilliseconds));
        return TimeSpan.FromMilliseconds(capped * (1 + (0.25 * random)));
    }
}
