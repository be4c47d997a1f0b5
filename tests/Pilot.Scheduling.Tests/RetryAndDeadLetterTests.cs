using Microsoft.Extensions.DependencyInjection;
using Pilot.Scheduling.Tests.Support;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.Scheduling.Tests;

public sealed class RetryAndDeadLetterTests(RedisServerFixture redis)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_failing_job_is_retried_with_growing_delays_and_dead_lettered_after_max_attempts()
    {
        var clock = SchedulerHost.NewClock();
        await using var host = SchedulerHost.Build(redis, SchedulerHost.NewAppId("retry"), clock, o =>
        {
            o.MaxAttempts = 3;
            o.RetryDelay = RetryDelay;
            o.MaxRetryDelay = TimeSpan.FromHours(1);
        });
        var log = host.Services.GetRequiredService<AttemptLog>();
        var dueAt = clock.GetUtcNow();
        await host.Scheduler.ScheduleAsync("flaky", dueAt, new FailingJob("the registry is down"));

        Assert.Equal(0, await host.RunDueAsync());
        var firstDelay = await RetryDelayAsync(host);
        Assert.InRange(firstDelay, RetryDelay, RetryDelay * 1.25);
        Assert.Contains("the registry is down", (string?)await host.Database.HashGetAsync(SchedulingKeys.Job(host.AppId, "flaky"), "error"), StringComparison.Ordinal);

        // Not retried a moment early.
        clock.Advance(firstDelay - TimeSpan.FromMilliseconds(1));
        await host.RunDueAsync();
        Assert.Single(log.Attempts);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await host.RunDueAsync());
        var secondDelay = await RetryDelayAsync(host);
        Assert.InRange(secondDelay, RetryDelay * 2, RetryDelay * 2.5);
        Assert.True(secondDelay > firstDelay);

        clock.Advance(secondDelay);
        Assert.Equal(0, await host.RunDueAsync());

        Assert.Equal([1, 2, 3], log.Attempts.Select(a => a.Attempt));
        Assert.False(await host.JobExistsAsync("flaky"));
        var dead = await DeadJobs.ReadAsync(host, "flaky");
        Assert.Equal("flaky", dead.Key);
        Assert.Equal("fail", dead.Kind);
        Assert.Equal(3, dead.Attempts);
        Assert.Equal(dueAt, dead.DueAt);
        Assert.Equal(clock.GetUtcNow(), dead.DeadAt);
        Assert.Contains("the registry is down", dead.Error, StringComparison.Ordinal);
        Assert.Contains("the registry is down", dead.Payload, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(1));
        await host.RunDueAsync();
        Assert.Equal(3, log.Attempts.Count);
    }

    [Fact]
    public async Task A_condition_the_handler_adds_that_fails_commits_nothing_and_counts_as_a_failed_attempt()
    {
        var clock = SchedulerHost.NewClock();
        await using var host = SchedulerHost.Build(redis, SchedulerHost.NewAppId("condition"), clock, o => o.RetryDelay = RetryDelay);
        var present = $"{host.AppId}:present";
        var counter = $"{host.AppId}:counter";
        await host.Database.StringSetAsync(present, "x");
        await host.Scheduler.ScheduleAsync("guarded", clock.GetUtcNow(), new ConditionFailingJob(present, counter));

        Assert.Equal(0, await host.RunDueAsync());

        Assert.False(await host.Database.KeyExistsAsync(counter));
        Assert.True(await host.JobExistsAsync("guarded"));
        Assert.InRange(await RetryDelayAsync(host, "guarded"), RetryDelay, RetryDelay * 1.25);
        Assert.Contains("condition", (string?)await host.Database.HashGetAsync(SchedulingKeys.Job(host.AppId, "guarded"), "error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_whose_payload_cannot_be_read_is_dead_lettered_at_once()
    {
        var clock = SchedulerHost.NewClock();
        await using var host = SchedulerHost.Build(redis, SchedulerHost.NewAppId("unreadable"), clock);
        await host.ScheduleCountAsync("garbled", clock.GetUtcNow());
        await host.Database.HashSetAsync(SchedulingKeys.Job(host.AppId, "garbled"), "payload", "{not json");

        Assert.Equal(0, await host.RunDueAsync());

        Assert.False(await host.JobExistsAsync("garbled"));
        var dead = await DeadJobs.ReadAsync(host, "garbled");
        Assert.Equal(1, dead.Attempts);
        Assert.Contains("payload", dead.Error, StringComparison.Ordinal);
    }

    private static async Task<TimeSpan> RetryDelayAsync(SchedulerHost host, string jobKey = "flaky")
    {
        var next = await host.NextRunAsync(jobKey) ?? throw new InvalidOperationException($"'{jobKey}' is not in the due set");
        return next - host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
    }
}
