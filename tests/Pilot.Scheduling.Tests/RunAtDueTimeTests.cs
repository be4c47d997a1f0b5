using Microsoft.Extensions.DependencyInjection;
using Pilot.Scheduling.Tests.Support;
using Pilot.Testing;

namespace Pilot.Scheduling.Tests;

public sealed class RunAtDueTimeTests(RedisServerFixture redis)
{
    [Fact]
    public async Task A_job_does_not_run_before_its_time_and_runs_once_at_it()
    {
        var clock = SchedulerHost.NewClock();
        await using var host = SchedulerHost.Build(redis, SchedulerHost.NewAppId("due"), clock);
        await host.ScheduleCountAsync("close-window", clock.GetUtcNow().AddMinutes(10));

        Assert.Equal(0, await host.RunDueAsync());
        clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await host.RunDueAsync());
        Assert.Equal(0, await host.CountAsync("close-window"));
        Assert.True(await host.JobExistsAsync("close-window"));

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await host.RunDueAsync());
        Assert.Equal(1, await host.CountAsync("close-window"));
        Assert.False(await host.JobExistsAsync("close-window"));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await host.RunDueAsync());
        Assert.Equal(1, await host.CountAsync("close-window"));
    }

    [Fact]
    public async Task A_job_scheduled_in_the_past_runs_at_the_next_pass()
    {
        var clock = SchedulerHost.NewClock();
        await using var host = SchedulerHost.Build(redis, SchedulerHost.NewAppId("past"), clock);
        await host.ScheduleCountAsync("late", clock.GetUtcNow().AddDays(-1));

        Assert.Equal(1, await host.RunDueAsync());
        Assert.Equal(1, await host.CountAsync("late"));
    }

    [Fact]
    public async Task The_handler_sees_its_job_key_due_time_attempt_and_the_clock()
    {
        var clock = SchedulerHost.NewClock();
        var seen = new ProbeHandler.Sink();
        await using var host = SchedulerHost.Build(redis, SchedulerHost.NewAppId("context"), clock, services: s =>
            s.AddScheduledJob<ProbeJob, ProbeHandler>("probe").AddSingleton(seen));
        var dueAt = clock.GetUtcNow().AddMinutes(5);
        await host.Scheduler.ScheduleAsync("probe-1", dueAt, new ProbeJob("payload", 42));
        clock.Advance(TimeSpan.FromMinutes(7));

        Assert.Equal(1, await host.RunDueAsync());

        var context = Assert.Single(seen.Contexts);
        Assert.Equal(new ProbeJob("payload", 42), context.Job);
        Assert.Equal("probe-1", context.JobKey);
        Assert.Equal(dueAt, context.DueAt);
        Assert.Equal(1, context.Attempt);
        Assert.Equal(clock.GetUtcNow(), context.Now);
        Assert.Equal(Pilot.SharedKernel.EventIds.ForJob(host.AppId, "probe-1", dueAt, 0), context.EventId(0));
        Assert.NotEqual(Pilot.SharedKernel.EventIds.ForJob(host.AppId, "probe-1", dueAt.AddDays(1), 0), context.EventId(0));
    }

    internal sealed record ProbeJob(string Text, int Number);

    internal sealed class ProbeHandler(ProbeHandler.Sink sink) : IScheduledJobHandler<ProbeJob>
    {
        public Task HandleAsync(ScheduledJobContext<ProbeJob> context, CancellationToken cancellationToken)
        {
            sink.Contexts.Add(context);
            return Task.CompletedTask;
        }

        internal sealed class Sink
        {
            public System.Collections.Concurrent.ConcurrentBag<ScheduledJobContext<ProbeJob>> Contexts { get; } = [];
        }
    }
}
