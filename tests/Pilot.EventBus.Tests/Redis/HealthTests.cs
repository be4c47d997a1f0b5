using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Pilot.EventBus.Diagnostics;
using Pilot.EventBus.Tests.Support;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.EventBus.Tests.Redis;

public sealed class HealthTests(RedisServerFixture redis)
{
    private readonly IDatabase _db = redis.Database;

    [Fact]
    public async Task Health_turns_degraded_when_the_backlog_passes_its_threshold()
    {
        await _db.KeyDeleteAsync(GaugeRead.Topic);
        var appId = TestBus.NewAppId("gauges");
        using var host = TestBus.Build(redis, appId, s => s.AddCountingHandler<GaugeRead>(appId), o => o.ConsumerBacklogDegradedThreshold = 2);
        var health = host.Services.GetRequiredService<HealthCheckService>();
        var monitor = host.Services.GetServices<IHostedService>().OfType<EventBusMonitor>().Single();
        await _db.StreamCreateConsumerGroupAsync(GaugeRead.Topic, appId, "0", createStream: true);

        await DaprdEntries.AddAsync(_db, GaugeRead.Topic, DaprdEntries.CloudEventJson("g1", GaugeRead.EventType, GaugeRead.Topic, "registry", new { key = "g1" }), GaugeRead.EventType);
        await monitor.SampleAsync();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(TestContext.Current.CancellationToken)).Status);

        for (var i = 2; i <= 3; i++)
        {
            await DaprdEntries.AddAsync(_db, GaugeRead.Topic, DaprdEntries.CloudEventJson($"g{i}", GaugeRead.EventType, GaugeRead.Topic, "registry", new { key = $"g{i}" }), GaugeRead.EventType);
        }

        await monitor.SampleAsync();
        var report = await health.CheckHealthAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Equal(3L, report.Entries["eventbus"].Data[$"lag:{GaugeRead.Topic}"]);
    }

    [Fact]
    public async Task Health_turns_unhealthy_when_the_consumer_loop_dies()
    {
        // A topic key of the wrong type makes XGROUP CREATE fail in a way no retry can fix.
        var appId = TestBus.NewAppId("gauges");
        var brokenTopic = GaugeRead.Topic;
        await _db.KeyDeleteAsync(brokenTopic);
        await _db.StringSetAsync(brokenTopic, "not a stream");
        try
        {
            using var host = TestBus.Build(redis, appId, s => s.AddCountingHandler<GaugeRead>(appId));
            var health = host.Services.GetRequiredService<HealthCheckService>();
            await host.StartAsync(TestContext.Current.CancellationToken);

            await Eventually.HoldsAsync(
                async () => (await health.CheckHealthAsync(TestContext.Current.CancellationToken)).Status == HealthStatus.Unhealthy,
                "the health check reports the dead loop");
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            await _db.KeyDeleteAsync(brokenTopic);
        }
    }
}
