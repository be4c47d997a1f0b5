using Pilot.Scheduling.Tests.Support;
using Pilot.Testing;

namespace Pilot.Scheduling.Tests;

public sealed class CatchUpTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Jobs_due_while_no_runner_ran_are_caught_up_once_when_one_starts()
    {
        var clock = SchedulerHost.NewClock();
        var appId = SchedulerHost.NewAppId("catch-up");
        var keys = Enumerable.Range(1, 5).Select(i => $"job-{i}").ToArray();

        await using (var before = SchedulerHost.Build(redis, appId, clock))
        {
            for (var i = 0; i < keys.Length; i++)
            {
                await before.ScheduleCountAsync(keys[i], clock.GetUtcNow().AddMinutes(i + 1));
            }

            clock.Advance(TimeSpan.FromSeconds(90));
            Assert.Equal(1, await before.RunDueAsync());
        }

        clock.Advance(TimeSpan.FromMinutes(10));
        await using var after = SchedulerHost.Build(redis, appId, clock);
        Assert.Equal(4, await after.Database.SortedSetLengthAsync(after.DueKey));

        // The hosted loop, not a test's pass: it must catch up at start, without waiting for the (fake) poll interval.
        await after.StartAsync();
        await Eventually.HoldsAsync(async () => await after.Database.SortedSetLengthAsync(after.DueKey) == 0, "the due set is empty");
        await after.StopAsync();

        foreach (var key in keys)
        {
            Assert.Equal(1, await after.CountAsync(key));
        }

        Assert.Equal(0, await after.RunDueAsync());
    }
}
