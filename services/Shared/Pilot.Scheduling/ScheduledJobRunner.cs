using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pilot.Scheduling;

/// <summary>
/// A pass over the due jobs: claim a batch, run each claimed job's handler in a scope of its own, and commit its
/// writes with the job's removal (or record its failure) while the claim still holds.
/// </summary>
internal sealed partial class ScheduledJobRunner(
    DueJobClaimer claimer,
    JobOutcomes outcomes,
    ScheduledJobKinds kinds,
    IServiceScopeFactory scopes,
    IOptions<SchedulingOptions> options,
    TimeProvider time,
    SchedulingTelemetry telemetry,
    ILogger<ScheduledJobRunner> logger) : IScheduledJobRunner
{
    public async Task<int> RunDueAsync(CancellationToken cancellationToken) => (await RunPassAsync(cancellationToken)).Ran;

    internal async Task<PassResult> RunPassAsync(CancellationToken stoppingToken)
    {
        stoppingToken.ThrowIfCancellationRequested();
        var claimed = await claimer.ClaimAsync(time.GetUtcNow());
        if (claimed.Count == 0)
        {
            return new PassResult(0, 0);
        }

        var ran = 0;
        // The stopping token is not the loop's: every claimed job must get to RunClaimedAsync, which releases it when stopping.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency };
        await Parallel.ForEachAsync(claimed, parallel, async (job, _) =>
        {
            if (await RunClaimedAsync(job, stoppingToken))
            {
                Interlocked.Increment(ref ran);
            }
        });
        return new PassResult(claimed.Count, ran);
    }

    private async Task<bool> RunClaimedAsync(ClaimedJob job, CancellationToken stoppingToken)
    {
        try
        {
            if (stoppingToken.IsCancellationRequested)
            {
                await outcomes.ReleaseAsync(job);
                return false;
            }

            var now = time.GetUtcNow();
            if (now >= job.LeaseEndsAt)
            {
                // Earlier jobs of the batch took the whole lease; another replica may be running this one already.
                LogLeaseRanOutBeforeStart(job.Key);
                return false;
            }

            var kind = job.Kind is null ? null : kinds.Find(job.Kind);
            if (kind is null)
            {
                // An unknown kind may be one a newer replica knows (a rolling deploy), so it is retried like a failure.
                Exception error = job.Kind is null
                    ? new UnreadableJobException($"Job '{job.Key}' has no kind.")
                    : new InvalidOperationException($"No handler is registered for job kind '{job.Kind}'.");
                await FailAsync(job, job.Kind ?? "", error, activity: null);
                return false;
            }

            if (job.Attempt > options.Value.MaxAttempts)
            {
                // Its earlier attempts never finished: their runners stopped or lost their lease.
                await DeadLetterAsync(job, kind.Name, job.LastError ?? $"Abandoned after {job.Attempt - 1} attempts whose lease ran out.");
                return false;
            }

            return await RunHandlerAsync(job, kind, now, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Redis failed: the job stays claimed and is taken again once the lease runs out.
            LogJobLeftToLease(ex, job.Key);
            return false;
        }
    }

    private async Task<bool> RunHandlerAsync(ClaimedJob job, ScheduledJobKind kind, DateTimeOffset now, CancellationToken stoppingToken)
    {
        using var activity = StartActivity(kind.Name, job);
        telemetry.Started(kind.Name, now - job.RunnableSince);

        // Past the lease another replica may run the job, and this attempt's commit would not hold anyway.
        using var lease = new CancellationTokenSource(job.LeaseEndsAt - now, time);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Token);
        var completion = outcomes.Completion(job);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await kind.InvokeAsync(scope.ServiceProvider, job, options.Value.AppId, now, completion, attempt.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            activity?.SetTag("pilot.scheduling.outcome", "released");
            await outcomes.ReleaseAsync(job);
            return false;
        }
        catch (OperationCanceledException) when (lease.IsCancellationRequested)
        {
            await FailAsync(job, kind.Name, new TimeoutException($"The handler ran longer than the lease ({options.Value.Lease})."), activity);
            return false;
        }
        catch (Exception ex)
        {
            await FailAsync(job, kind.Name, ex, activity);
            return false;
        }

        if (await outcomes.CompleteAsync(completion))
        {
            telemetry.Ran(kind.Name);
            activity?.SetTag("pilot.scheduling.outcome", "ran");
            return true;
        }

        if (await outcomes.StillClaimedAsync(job))
        {
            await FailAsync(job, kind.Name, new InvalidOperationException("A condition the handler added did not hold; nothing was committed."), activity);
        }
        else
        {
            activity?.SetTag("pilot.scheduling.outcome", "superseded");
            LogClaimLost(kind.Name, job.Key, job.Attempt);
        }

        return false;
    }

    private async Task FailAsync(ClaimedJob job, string kind, Exception error, Activity? activity)
    {
        telemetry.Failed(kind);
        activity?.SetStatus(ActivityStatusCode.Error, error.Message);
        activity?.SetTag("pilot.scheduling.outcome", "failed");
        LogAttemptFailed(error, kind, job.Key, job.Attempt);
        var text = $"{error.GetType().Name}: {error.Message}";
        var settings = options.Value;
        if (error is UnreadableJobException || job.Attempt >= settings.MaxAttempts)
        {
            await DeadLetterAsync(job, kind, text);
            return;
        }

        var retryAt = time.GetUtcNow() + RetryBackoff.After(job.Attempt, settings, Random.Shared.NextDouble());
        await outcomes.RetryAsync(job, retryAt, text);
    }

    private async Task DeadLetterAsync(ClaimedJob job, string kind, string error)
    {
        if (await outcomes.DeadLetterAsync(job, error, time.GetUtcNow()))
        {
            telemetry.DeadLettered(kind);
            LogDeadLettered(kind, job.Key, job.Attempt, error);
        }
    }

    private static Activity? StartActivity(string kind, ClaimedJob job)
    {
        // A job runs in a trace of its own, linked to the one that scheduled it: that one ended long ago.
        ActivityLink[]? links = ActivityContext.TryParse(job.Trace, null, out var scheduledBy) ? [new ActivityLink(scheduledBy)] : null;
        var activity = SchedulingTelemetry.ActivitySource.StartActivity(kind, ActivityKind.Internal, parentContext: default, links: links);
        activity?.SetTag(SchedulingTelemetry.KindTag, kind);
        activity?.SetTag("pilot.scheduling.job.key", job.Key);
        activity?.SetTag("pilot.scheduling.job.attempt", job.Attempt);
        return activity;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Kind} '{JobKey}' attempt {Attempt} failed")]
    private partial void LogAttemptFailed(Exception error, string kind, string jobKey, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Kind} '{JobKey}' dead-lettered after {Attempts} attempts: {Error}")]
    private partial void LogDeadLettered(string kind, string jobKey, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Kind} '{JobKey}' attempt {Attempt} committed nothing: its claim was lost (lease ran out, or the job was replaced or cancelled)")]
    private partial void LogClaimLost(string kind, string jobKey, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job '{JobKey}' was not started: its lease ran out while earlier jobs of the batch ran")]
    private partial void LogLeaseRanOutBeforeStart(string jobKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job '{JobKey}' is left to be claimed again after its lease")]
    private partial void LogJobLeftToLease(Exception error, string jobKey);
}
