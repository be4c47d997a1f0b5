using Pilot.SharedKernel;
using Pilot.Storage;

namespace Pilot.Scheduling;

/// <summary>One attempt at a job, with the writes its effects must go into.</summary>
public sealed class ScheduledJobContext<TJob>
{
    private readonly string _appId;

    internal ScheduledJobContext(string appId, TJob job, string jobKey, DateTimeOffset dueAt, int attempt, DateTimeOffset now, IStateWrites writes)
    {
        _appId = appId;
        Job = job;
        JobKey = jobKey;
        DueAt = dueAt;
        Attempt = attempt;
        Now = now;
        Writes = writes;
    }

    public TJob Job { get; }

    public string JobKey { get; }

    /// <summary>When the job was scheduled to run (retries keep it).</summary>
    public DateTimeOffset DueAt { get; }

    /// <summary>1 for the first attempt.</summary>
    public int Attempt { get; }

    /// <summary>The scheduler's clock when this attempt started: use it rather than reading a clock of your own.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>
    /// Hand every write here. Writes go after the job's removal, so scheduling this same key again (a recurring job)
    /// schedules its next run.
    /// </summary>
    public IStateWrites Writes { get; }

    /// <summary>The CloudEvents id of the <paramref name="index"/>th event this job publishes: the same on every attempt.</summary>
    public string EventId(int index) => EventIds.ForJob(_appId, JobKey, DueAt, index);
}
