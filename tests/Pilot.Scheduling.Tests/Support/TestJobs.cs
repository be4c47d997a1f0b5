using System.Collections.Concurrent;
using Pilot.Storage;

namespace Pilot.Scheduling.Tests.Support;

/// <summary>Adds one to its own counter: a job's effect, to count how often it happened.</summary>
internal sealed record CountJob(string CountsKey, string Name);

/// <summary>Like <see cref="CountJob"/>, but waits for its host's <see cref="Gate"/> first, ignoring cancellation (a runner stuck past its lease).</summary>
internal sealed record BlockingJob(string CountsKey, string Name);

/// <summary>Waits, honouring cancellation, until its runner stops or its lease runs out; signals its host's <see cref="Gate"/> when it starts.</summary>
internal sealed record WaitingJob(string CountsKey);

/// <summary>Always throws <see cref="Reason"/>.</summary>
internal sealed record FailingJob(string Reason);

/// <summary>Adds a condition that does not hold (<see cref="PresentKey"/> exists) to its writes.</summary>
internal sealed record ConditionFailingJob(string PresentKey, string CountsKey);

/// <summary>Counts itself and schedules the same key again, <see cref="Every"/> later, until it has run <see cref="Times"/> times.</summary>
internal sealed record RecurringJob(string CountsKey, TimeSpan Every, int Times);

internal sealed class CountHandler(Rendezvous? rendezvous = null) : IScheduledJobHandler<CountJob>
{
    public async Task HandleAsync(ScheduledJobContext<CountJob> context, CancellationToken cancellationToken)
    {
        if (rendezvous is not null)
        {
            await rendezvous.MeetAsync();
        }

        context.Writes.HashIncrement(context.Job.CountsKey, context.Job.Name);
    }
}

internal sealed class BlockingHandler(Gate gate) : IScheduledJobHandler<BlockingJob>
{
    public async Task HandleAsync(ScheduledJobContext<BlockingJob> context, CancellationToken cancellationToken)
    {
        gate.Entered.TrySetResult();
        await gate.Open.Task.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        context.Writes.HashIncrement(context.Job.CountsKey, context.Job.Name);
        context.Writes.HashSet($"{context.Job.CountsKey}:attempt", new StackExchange.Redis.HashEntry(context.Job.Name, context.Attempt));
    }
}

internal sealed class WaitingHandler(Gate gate) : IScheduledJobHandler<WaitingJob>
{
    public async Task HandleAsync(ScheduledJobContext<WaitingJob> context, CancellationToken cancellationToken)
    {
        gate.Entered.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        context.Writes.Increment(context.Job.CountsKey);
    }
}

internal sealed class FailingHandler(AttemptLog log) : IScheduledJobHandler<FailingJob>
{
    public Task HandleAsync(ScheduledJobContext<FailingJob> context, CancellationToken cancellationToken)
    {
        log.Attempts.Enqueue((context.Attempt, context.Now));
        throw new InvalidOperationException(context.Job.Reason);
    }
}

internal sealed class ConditionFailingHandler : IScheduledJobHandler<ConditionFailingJob>
{
    public Task HandleAsync(ScheduledJobContext<ConditionFailingJob> context, CancellationToken cancellationToken)
    {
        context.Writes.Absent(context.Job.PresentKey);
        context.Writes.Increment(context.Job.CountsKey);
        return Task.CompletedTask;
    }
}

internal sealed class RecurringHandler(IJobScheduler scheduler) : IScheduledJobHandler<RecurringJob>
{
    public Task HandleAsync(ScheduledJobContext<RecurringJob> context, CancellationToken cancellationToken)
    {
        context.Writes.Increment(context.Job.CountsKey);
        if (context.Job.Times > 1)
        {
            var next = context.Job with { Times = context.Job.Times - 1 };
            scheduler.Schedule(context.Writes, context.JobKey, context.DueAt + next.Every, next);
        }

        return Task.CompletedTask;
    }
}

/// <summary>One host's side of a meeting: its first handler waits until the other host's first handler has started too.</summary>
internal sealed class Rendezvous(TaskCompletionSource mine, TaskCompletionSource theirs)
{
    private int _met;

    public async Task MeetAsync()
    {
        if (Interlocked.Exchange(ref _met, 1) == 0)
        {
            mine.TrySetResult();
            await theirs.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}

internal sealed class Gate
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

internal sealed class AttemptLog
{
    public ConcurrentQueue<(int Attempt, DateTimeOffset Now)> Attempts { get; } = new();
}

internal static class CommitExtensions
{
    public static Task<bool> CommitAsync(this ConditionalCommit commit, SchedulerHost host) => commit.ExecuteAsync(host.Database);
}
