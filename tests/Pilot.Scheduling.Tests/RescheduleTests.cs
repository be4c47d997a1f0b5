using Pilot.Scheduling.Tests.Support;
using Pilot.Testing;

namespace Pilot.Scheduling.Tests;

public sealed class RescheduleTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Scheduling_a_key_again_replaces_its_due_time_and_payload()
    {
        var clock = SchedulerHost.NewClock();
        await using var host = SchedulerHost.Build(redis, SchedulerHost.NewAppId("replace"), clock);
        await host.ScheduleCountAsync("close", clock.GetUtcNow().AddMinutes(10), name: "first");
        await host.ScheduleCountAsync("close", clock.GetUtcNow().AddMinutes(2), name: "second");

        Assert.Equal(clock.GetUtcNow().AddMinutes(2), await host.NextRunAsync("close"));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await host.RunDueAsync());
        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(0, await host.RunDueAsync());

        Assert.Equal(1, await host.CountAsync("second"));
        Assert.Equal(0, await host.CountAsync("first"));
    }

    [Fact]
    public async Task Scheduling_a_key_later_postpones_it()
    {
        var clock = SchedulerHost.NewClock();
        await using var host = SchedulerHost.Build(redis, SchedulerHost.NewAppId("postpone"), clock);
        await host.ScheduleCountAsync("close", clock.GetUtcNow().AddMinutes(1));
        await host.ScheduleCountAsync("close", clock.GetUtcNow().AddMinutes(5));

        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await host.RunDueAsync());
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await host.RunDueAsync());
        Assert.Equal(1, await host.CountAsync("close"));
    }

    [Fact]
    public async Task A_handler_that_schedules_its_own_key_again_gets_a_next_run()
    {
        var clock = SchedulerHost.NewClock();
        await using var host = SchedulerHost.Build(redis, SchedulerHost.NewAppId("recurring"), clock);
        var counter = $"{host.AppId}:ticks";
        await host.Scheduler.ScheduleAsync("tick", clock.GetUtcNow(), new RecurringJob(counter, TimeSpan.FromHours(1), Times: 3));

        Assert.Equal(1, await host.RunDueAsync());
        Assert.Equal(clock.GetUtcNow().AddHours(1), await host.NextRunAsync("tick"));
        for (var hour = 0; hour < 5; hour++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            await host.RunDueAsync();
        }

        Assert.Equal(3, (long)await host.Database.StringGetAsync(counter));
        Assert.False(await host.JobExistsAsync("tick"));
    }
}
