namespace Pilot.Notification.Domain.Deliveries;

/// <summary>
/// When a failed delivery is tried again: exponential backoff (the first retry after <see cref="FirstDelay"/>, each
/// next one twice as long, at most <see cref="MaxDelay"/>) with up to a quarter more as jitter, so receivers that
/// came back are not hit by every sender at once; after <see cref="MaxAttempts"/> attempts it is dead-lettered.
/// </summary>
public sealed record RetrySchedule(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    public static RetrySchedule Default { get; } = new(8, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));

    /// <summary>True when attempt number <paramref name="attempt"/> (1 for the first) failing leaves no attempt to make.</summary>
    public bool IsLast(int attempt) => attempt >= MaxAttempts;

    /// <param name="attempt">The attempt that just failed, 1 for the first.</param>
    /// <param name="jitter">A number in [0, 1), drawn by the caller so tests can pin it.</param>
    public TimeSpan DelayAfter(int attempt, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        if (jitter is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "jitter is in [0, 1)");
        }

        var exponent = Math.Min(attempt - 1, 30);
        var baseDelay = Math.Min(FirstDelay.TotalMilliseconds * Math.Pow(2, exponent), MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(baseDelay * (1 + (jitter / 4)));
    }
}
