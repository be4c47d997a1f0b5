using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Pilot.Scheduling.Tests.Support;
using Pilot.Testing;

namespace Pilot.Scheduling.Tests;

/// <summary>An ActivityListener hears the whole process, so these run while no other test makes jobs' spans.</summary>
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryCollection;

[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Polling_makes_no_span_and_a_job_makes_one_named_after_its_kind()
    {
        var started = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SchedulingDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = started.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var clock = SchedulerHost.NewClock();
        await using var host = SchedulerHost.Build(redis, SchedulerHost.NewAppId("spans"), clock);

        using (var scheduling = new Activity("open-window").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            await host.ScheduleCountAsync("close", clock.GetUtcNow().AddMinutes(1));
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, await host.RunDueAsync());
        }

        Assert.Empty(started);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await host.RunDueAsync());

        var job = Assert.Single(started);
        Assert.Equal("count", job.DisplayName);
        Assert.Equal("close", job.GetTagItem("pilot.scheduling.job.key"));
        Assert.Equal("ran", job.GetTagItem("pilot.scheduling.outcome"));
        Assert.Single(job.Links);
    }

    [Fact]
    public async Task Runs_failures_dead_letters_and_lag_are_measured_per_kind()
    {
        var clock = SchedulerHost.NewClock();
        await using var host = SchedulerHost.Build(redis, SchedulerHost.NewAppId("metrics"), clock, o => o.MaxAttempts = 1);
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        var measured = new ConcurrentQueue<(string Instrument, double Value, object? Kind)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SchedulingDiagnostics.Name && instrument.Meter.Scope == meters)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => measured.Enqueue((i.Name, value, Kind(tags))));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => measured.Enqueue((i.Name, value, Kind(tags))));
        listener.Start();

        await host.ScheduleCountAsync("on-time", clock.GetUtcNow().AddSeconds(10));
        await host.Scheduler.ScheduleAsync("broken", clock.GetUtcNow().AddSeconds(10), new FailingJob("no"));
        clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(1, await host.RunDueAsync());

        Assert.Contains(("pilot.scheduling.jobs.run", 1d, (object?)"count"), measured);
        Assert.Contains(("pilot.scheduling.jobs.failed", 1d, (object?)"fail"), measured);
        Assert.Contains(("pilot.scheduling.jobs.dead_lettered", 1d, (object?)"fail"), measured);
        Assert.Contains(("pilot.scheduling.jobs.lag", 5d, (object?)"count"), measured);
        Assert.DoesNotContain(measured, m => m.Instrument == "pilot.scheduling.jobs.run" && Equals(m.Kind, "fail"));
    }

    private static object? Kind(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "pilot.scheduling.job.kind")
            {
                return tag.Value;
            }
        }

        return null;
    }
}
