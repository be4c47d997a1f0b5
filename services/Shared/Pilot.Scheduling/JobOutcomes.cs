using System.Text.Json;
using Microsoft.Extensions.Options;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.Scheduling;

/// <summary>
/// What an attempt leaves behind, each as a commit that holds only while the job's hash still carries the attempt's
/// claim token: a runner whose lease ran out (and whose job another replica took), or whose job was cancelled or
/// replaced meanwhile, changes nothing.
/// </summary>
internal sealed class JobOutcomes(IConnectionMultiplexer redis, IOptions<SchedulingOptions> options)
{
    private string AppId => options.Value.AppId;

    /// <summary>
    /// A commit that removes the job, for the handler to add its writes to. The removal goes first, so a handler that
    /// schedules the same key again (a recurring job) leaves its next run in place.
    /// </summary>
    public ConditionalCommit Completion(ClaimedJob job)
    {
        var commit = Claimed(job);
        RemoveJob(commit, job);
        return commit;
    }

    /// <summary>Commits a <see cref="Completion"/> with the handler's writes; false if the claim or a condition of the handler failed.</summary>
    public Task<bool> CompleteAsync(ConditionalCommit completion) => completion.ExecuteAsync(redis.GetDatabase());

    /// <summary>True while the hash still carries the claim: a failed completion then failed on the handler's own condition.</summary>
    public async Task<bool> StillClaimedAsync(ClaimedJob job) =>
        await redis.GetDatabase().HashGetAsync(SchedulingKeys.Job(AppId, job.Key), JobFields.Claim) == job.Token;

    /// <summary>The job is due again at <paramref name="retryAt"/>, carrying the error.</summary>
    public Task<bool> RetryAsync(ClaimedJob job, DateTimeOffset retryAt, string error)
    {
        var commit = Claimed(job);
        var hash = SchedulingKeys.Job(AppId, job.Key);
        commit.HashSet(hash, new HashEntry(JobFields.Error, error));
        commit.HashDelete(hash, JobFields.Claim);
        commit.SortedSetAdd(SchedulingKeys.Due(AppId), job.Key, retryAt.ToUnixTimeMilliseconds());
        return commit.ExecuteAsync(redis.GetDatabase());
    }

    /// <summary>The job moves to the dead hash, with the error.</summary>
    public Task<bool> DeadLetterAsync(ClaimedJob job, string error, DateTimeOffset now)
    {
        var commit = Claimed(job);
        var dead = new DeadJob(job.Key, job.Kind ?? "", job.Payload, job.DueAt, job.Attempt, error, now);
        commit.HashSet(SchedulingKeys.Dead(AppId), new HashEntry(job.Key, JsonSerializer.Serialize(dead, JobJson.Options)));
        RemoveJob(commit, job);
        return commit.ExecuteAsync(redis.GetDatabase());
    }

    /// <summary>
    /// Gives back a job this runner will not run after all (it is stopping): due again as it was, and the attempt not
    /// counted, so a replica takes it at once rather than after the lease.
    /// </summary>
    public Task<bool> ReleaseAsync(ClaimedJob job)
    {
        var commit = Claimed(job);
        var hash = SchedulingKeys.Job(AppId, job.Key);
        commit.HashDelete(hash, JobFields.Claim);
        commit.HashIncrement(hash, JobFields.Attempt, -1);
        commit.SortedSetAdd(SchedulingKeys.Due(AppId), job.Key, job.RunnableSince.ToUnixTimeMilliseconds());
        return commit.ExecuteAsync(redis.GetDatabase());
    }

    private ConditionalCommit Claimed(ClaimedJob job)
    {
        var commit = new ConditionalCommit();
        commit.HashFieldEquals(SchedulingKeys.Job(AppId, job.Key), JobFields.Claim, job.Token);
        return commit;
    }

    private void RemoveJob(ConditionalCommit commit, ClaimedJob job)
    {
        commit.Delete(SchedulingKeys.Job(AppId, job.Key));
        commit.SortedSetRemove(SchedulingKeys.Due(AppId), job.Key);
    }
}
