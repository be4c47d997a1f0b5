using Microsoft.Extensions.DependencyInjection;
using Pilot.Scheduling.Tests.Support;
using Pilot.Testing;

namespace Pilot.Scheduling.Tests;

public sealed class ShutdownTests(RedisServerFixture redis)
{
    [Fact]
    public async Task A_runner_stopping_mid_job_gives_it_back_at_once_without_counting_the_attempt()
    {
        var clock = SchedulerHost.NewClock();
        var appId = SchedulerHost.NewAppId("shutdown");
        var dueAt = clock.GetUtcNow();
        await using var stopping = SchedulerHost.Build(redis, appId, clock);
        await stopping.Scheduler.ScheduleAsync("job", dueAt, new WaitingJob($"{appId}:waited"));

        await stopping.StartAsync();
        await stopping.Services.GetRequiredService<Gate>().Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await stopping.StopAsync();

        // Due again as it was, not at the end of the lease, and unclaimed.
        Assert.Equal(dueAt, await stopping.NextRunAsync("job"));
        var hash = SchedulingKeys.Job(appId, "job");
        Assert.Equal(0, (int)await stopping.Database.HashGetAsync(hash, "attempt"));
        Assert.False(await stopping.Database.HashExistsAsync(hash, "claim"));

        await using var next = SchedulerHost.Build(redis, appId, clock);
        var ran = next.RunDueAsync();
        await next.Services.GetRequiredService<Gate>().Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(1, (int)await next.Database.HashGetAsync(hash, "attempt"));

        // Only to end the pass: the waiting handler gives up when its lease runs out.
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await ran);
    }
}
