using Microsoft.Extensions.DependencyInjection;
using Pilot.Scheduling.Tests.Support;
using Pilot.Testing;

namespace Pilot.Scheduling.Tests;

public sealed class LostLeaseTests(RedisServerFixture redis)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_runner_stuck_past_its_lease_loses_the_job_to_another_and_its_late_commit_changes_nothing()
    {
        var clock = SchedulerHost.NewClock();
        var appId = SchedulerHost.NewAppId("lease");
        await using var stuck = SchedulerHost.Build(redis, appId, clock, o => o.Lease = Lease);
        await using var other = SchedulerHost.Build(redis, appId, clock, o => o.Lease = Lease);
        other.Services.GetRequiredService<Gate>().Open.SetResult();
        await stuck.Scheduler.ScheduleAsync("close", clock.GetUtcNow(), new BlockingJob(stuck.CountsKey, "close"));

        var stuckPass = stuck.RunDueAsync();
        await stuck.Services.GetRequiredService<Gate>().Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // Within the lease the job is not due for anyone else.
        clock.Advance(Lease - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await other.RunDueAsync());

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await other.RunDueAsync());
        Assert.Equal(1, await other.CountAsync("close"));
        Assert.Equal(2, (int)await other.Database.HashGetAsync($"{other.CountsKey}:attempt", "close"));

        // The key is used again meanwhile: the stuck runner's completion must not delete the new job either.
        var nextDue = clock.GetUtcNow().AddHours(1);
        await other.ScheduleCountAsync("close", nextDue, name: "reopened");

        stuck.Services.GetRequiredService<Gate>().Open.SetResult();
        Assert.Equal(0, await stuckPass);

        Assert.Equal(1, await other.CountAsync("close"));
        Assert.Equal(nextDue, await other.NextRunAsync("close"));
        Assert.Equal(0, await other.CountAsync("reopened"));
        Assert.Equal(0, await other.Database.HashLengthAsync(SchedulingKeys.Dead(appId)));
    }

    [Fact]
    public async Task A_handler_still_running_when_its_lease_runs_out_is_cancelled_and_the_attempt_counts_as_failed()
    {
        var clock = SchedulerHost.NewClock();
        await using var host = SchedulerHost.Build(redis, SchedulerHost.NewAppId("lease-cancel"), clock, o =>
        {
            o.Lease = Lease;
            o.RetryDelay = TimeSpan.FromSeconds(10);
        });
        var counter = $"{host.AppId}:waited";
        await host.Scheduler.ScheduleAsync("slow", clock.GetUtcNow(), new WaitingJob(counter));

        var pass = host.RunDueAsync();
        await host.Services.GetRequiredService<Gate>().Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.False(pass.IsCompleted);
        clock.Advance(Lease);

        Assert.Equal(0, await pass);
        Assert.False(await host.Database.KeyExistsAsync(counter));
        Assert.InRange(await host.NextRunAsync("slow") - clock.GetUtcNow() ?? TimeSpan.Zero, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(12.5));
        Assert.Contains("lease", (string?)await host.Database.HashGetAsync(SchedulingKeys.Job(host.AppId, "slow"), "error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_whose_earlier_claims_were_all_abandoned_is_dead_lettered_without_running()
    {
        var clock = SchedulerHost.NewClock();
        await using var host = SchedulerHost.Build(redis, SchedulerHost.NewAppId("abandoned"), clock, o => o.MaxAttempts = 2);
        await host.ScheduleCountAsync("job", clock.GetUtcNow());

        // Two claims whose runners died before committing anything, as the claim script leaves them.
        var hash = SchedulingKeys.Job(host.AppId, "job");
        await host.Database.HashSetAsync(hash, [new("attempt", 2), new("claim", "dead-runner:1")]);

        Assert.Equal(0, await host.RunDueAsync());

        Assert.Equal(0, await host.CountAsync("job"));
        Assert.False(await host.JobExistsAsync("job"));
        var dead = await DeadJobs.ReadAsync(host, "job");
        Assert.Equal(3, dead.Attempts);
        Assert.Contains("lease ran out", dead.Error, StringComparison.Ordinal);
    }
}
