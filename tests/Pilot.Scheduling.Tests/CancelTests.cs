using Microsoft.Extensions.DependencyInjection;
using Pilot.Scheduling.Tests.Support;
using Pilot.Storage;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.Scheduling.Tests;

public sealed class CancelTests(RedisServerFixture redis)
{
    [Fact]
    public async Task A_job_cancelled_before_it_is_due_never_runs()
    {
        var clock = SchedulerHost.NewClock();
        await using var host = SchedulerHost.Build(redis, SchedulerHost.NewAppId("cancel"), clock);
        await host.ScheduleCountAsync("kept", clock.GetUtcNow().AddMinutes(1));
        await host.ScheduleCountAsync("cancelled", clock.GetUtcNow().AddMinutes(1));

        await host.Scheduler.CancelAsync("cancelled");
        Assert.False(await host.JobExistsAsync("cancelled"));
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(1, await host.RunDueAsync());
        Assert.Equal(0, await host.CountAsync("cancelled"));
        Assert.Equal(1, await host.CountAsync("kept"));
    }

    [Fact]
    public async Task A_schedule_whose_surrounding_commit_fails_leaves_no_job_and_one_that_holds_lands_with_the_state()
    {
        var clock = SchedulerHost.NewClock();
        await using var host = SchedulerHost.Build(redis, SchedulerHost.NewAppId("joined"), clock);
        var window = $"{host.AppId}:window";
        var closeAt = clock.GetUtcNow().AddDays(5);
        await host.Database.StringSetAsync(window, "open");

        var failing = new ConditionalCommit();
        failing.Absent(window);
        failing.HashSet($"{window}:state", new HashEntry("status", "open"));
        host.Scheduler.Schedule(failing, "close-window", closeAt, new CountJob(host.CountsKey, "close-window"));
        Assert.False(await failing.CommitAsync(host));

        Assert.False(await host.JobExistsAsync("close-window"));
        Assert.False(await host.Database.KeyExistsAsync($"{window}:state"));
        clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await host.RunDueAsync());

        var holding = new ConditionalCommit();
        holding.StringEquals(window, "open");
        holding.HashSet($"{window}:state", new HashEntry("status", "open"));
        host.Scheduler.Schedule(holding, "close-window", clock.GetUtcNow().AddDays(5), new CountJob(host.CountsKey, "close-window"));
        Assert.True(await holding.CommitAsync(host));

        Assert.True(await host.JobExistsAsync("close-window"));
        Assert.Equal("open", await host.Database.HashGetAsync($"{window}:state", "status"));
    }

    [Fact]
    public async Task A_job_cancelled_while_it_runs_commits_nothing()
    {
        var clock = SchedulerHost.NewClock();
        await using var host = SchedulerHost.Build(redis, SchedulerHost.NewAppId("cancel-running"), clock);
        var gate = host.Services.GetRequiredService<Gate>();
        await host.Scheduler.ScheduleAsync("job", clock.GetUtcNow(), new BlockingJob(host.CountsKey, "job"));

        var pass = host.RunDueAsync();
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await host.Scheduler.CancelAsync("job");
        gate.Open.SetResult();

        Assert.Equal(0, await pass);
        Assert.Equal(0, await host.CountAsync("job"));
        Assert.False(await host.JobExistsAsync("job"));
    }
}
