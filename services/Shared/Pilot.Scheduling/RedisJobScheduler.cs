using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.Scheduling;

internal sealed class RedisJobScheduler(IConnectionMultiplexer redis, ScheduledJobKinds kinds, IOptions<SchedulingOptions> options) : IJobScheduler
{
    public void Schedule<TJob>(IStateWrites writes, string jobKey, DateTimeOffset dueAt, TJob job)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentException.ThrowIfNullOrEmpty(jobKey);
        ArgumentNullException.ThrowIfNull(job);
        var kind = kinds.For(typeof(TJob));
        var appId = options.Value.AppId;
        var hash = SchedulingKeys.Job(appId, jobKey);
        var due = dueAt.ToUnixTimeMilliseconds();
        List<HashEntry> fields =
        [
            new(JobFields.Kind, kind.Name),
            new(JobFields.Payload, JsonSerializer.Serialize(job, JobJson.Options)),
            new(JobFields.DueAt, due),
        ];
        if (Activity.Current?.Id is { } traceParent)
        {
            fields.Add(new(JobFields.Trace, traceParent));
        }

        // Deleted first so that a replaced job starts afresh: no attempts, no error, and no claim, which is what
        // makes a run of the job it replaces commit nothing.
        writes.Delete(hash);
        writes.HashSet(hash, fields);
        writes.SortedSetAdd(SchedulingKeys.Due(appId), jobKey, due);
    }

    public void Cancel(IStateWrites writes, string jobKey)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentException.ThrowIfNullOrEmpty(jobKey);
        var appId = options.Value.AppId;
        writes.Delete(SchedulingKeys.Job(appId, jobKey));
        writes.SortedSetRemove(SchedulingKeys.Due(appId), jobKey);
    }

    public Task ScheduleAsync<TJob>(string jobKey, DateTimeOffset dueAt, TJob job)
    {
        var commit = new ConditionalCommit();
        Schedule(commit, jobKey, dueAt, job);
        return commit.ExecuteAsync(redis.GetDatabase());
    }

    public Task CancelAsync(string jobKey)
    {
        var commit = new ConditionalCommit();
        Cancel(commit, jobKey);
        return commit.ExecuteAsync(redis.GetDatabase());
    }
}
