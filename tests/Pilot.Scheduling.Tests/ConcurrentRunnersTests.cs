using Microsoft.Extensions.DependencyInjection;
using Pilot.Scheduling.Tests.Support;
using Pilot.Testing;

namespace Pilot.Scheduling.Tests;

public sealed class ConcurrentRunnersTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Two_runners_racing_over_due_jobs_run_each_exactly_once()
    {
        const int Jobs = 200;
        var clock = SchedulerHost.NewClock();
        var appId = SchedulerHost.NewAppId("race");
        var aStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Each runner's first handler waits for the other's, so both are certainly claiming and running at once.
        static void Small(SchedulingOptions o)
        {
            o.BatchSize = 10;
            o.Concurrency = 4;
        }

        await using var a = SchedulerHost.Build(redis, appId, clock, Small, s => s.AddSingleton(new Rendezvous(aStarted, bStarted)));
        await using var b = SchedulerHost.Build(redis, appId, clock, Small, s => s.AddSingleton(new Rendezvous(bStarted, aStarted)));
        for (var i = 0; i < Jobs; i++)
        {
            await a.ScheduleCountAsync($"job-{i}", clock.GetUtcNow().AddSeconds(i % 7));
        }

        clock.Advance(TimeSpan.FromMinutes(1));

        var ran = await Task.WhenAll(Task.Run(() => DrainAsync(a)), Task.Run(() => DrainAsync(b)));

        Assert.Equal(Jobs, ran[0] + ran[1]);
        Assert.True(ran[0] > 0 && ran[1] > 0, $"both runners should have run jobs, ran {ran[0]} and {ran[1]}");
        var counts = await a.Database.HashGetAllAsync(a.CountsKey);
        Assert.Equal(Jobs, counts.Length);
        Assert.All(counts, count => Assert.Equal(1, (long)count.Value));
        Assert.Equal(0, await a.Database.SortedSetLengthAsync(a.DueKey));
    }

    private static async Task<int> DrainAsync(SchedulerHost host)
    {
        var total = 0;
        int ran;
        while ((ran = await host.RunDueAsync()) > 0)
        {
            total += ran;
        }

        return total;
    }
}
