namespace Pilot.Scheduling;

/// <summary>Settings bound from the <c>Pilot:Scheduling</c> configuration section.</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Pilot:Scheduling";

    /// <summary>The prefix of the scheduler's keys: the app's own, so two services never run each other's jobs.</summary>
    public string AppId { get; set; } = "";

    /// <summary>How long the runner waits after a pass that found less than a full batch due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a claimed job belongs to its runner. A runner that has not committed by then has its handler cancelled,
    /// and any replica may take the job again; so it must exceed the slowest handler.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts (claims) of one job before it is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Jobs claimed by one pass.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Handlers of one batch running at the same time.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>The wait before the second attempt; each further one waits twice as long, plus up to a quarter more as jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);
}
