using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Pilot.EventBus.Tests.Support;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.EventBus.Tests.Redis;

public sealed class ConsumerTests(RedisServerFixture redis) : IAsyncLifetime
{
    private readonly IDatabase _db = redis.Database;

    public async ValueTask InitializeAsync() => await _db.KeyDeleteAsync(ParcelShipped.Topic);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Consumes_an_entry_written_exactly_as_daprd_writes_it()
    {
        var appId = TestBus.NewAppId("parcels");
        HandlerProbe probe = null!;
        using var host = TestBus.Build(redis, appId, s => probe = s.AddCountingHandler<ParcelShipped>(appId));
        var json = DaprdEntries.CloudEventJson(Guid.NewGuid().ToString(), ParcelShipped.EventType, ParcelShipped.Topic, "registry", new { key = "P-7", weightGrams = 90 });
        await DaprdEntries.AddAsync(_db, ParcelShipped.Topic, json, ParcelShipped.EventType);

        await host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => StreamAssertions.IsDrainedAsync(_db, ParcelShipped.Topic, appId), "the entry is acknowledged");

        Assert.Equal(1, (int)await _db.HashGetAsync(probe.StateKey, "P-7"));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData(100)]
    // Each copy its own read batch: the second's marker lookup goes out before the first's commit is answered.
    [InlineData(1)]
    public async Task Redelivered_event_changes_state_only_once(int readBatchSize)
    {
        var appId = TestBus.NewAppId("parcels");
        HandlerProbe probe = null!;
        using var host = TestBus.Build(redis, appId, s => probe = s.AddCountingHandler<ParcelShipped>(appId), o => o.ReadBatchSize = readBatchSize);
        var json = DaprdEntries.CloudEventJson(Guid.NewGuid().ToString(), ParcelShipped.EventType, ParcelShipped.Topic, "registry", new { key = "P-8", weightGrams = 1 });
        await DaprdEntries.AddAsync(_db, ParcelShipped.Topic, json, ParcelShipped.EventType);
        await DaprdEntries.AddAsync(_db, ParcelShipped.Topic, json, ParcelShipped.EventType);

        await host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => StreamAssertions.IsDrainedAsync(_db, ParcelShipped.Topic, appId), "both copies are acknowledged");

        Assert.Equal(1, (int)await _db.HashGetAsync(probe.StateKey, "P-8"));
        Assert.Equal(1, probe.Calls);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_event_remembered_as_handled_is_acknowledged_without_running_its_handler_while_the_rest_of_its_read_batch_is_handled()
    {
        var appId = TestBus.NewAppId("parcels");
        HandlerProbe probe = null!;
        using var host = TestBus.Build(redis, appId, s => probe = s.AddCountingHandler<ParcelShipped>(appId));
        var handledBefore = Guid.NewGuid().ToString();
        await _db.StringSetAsync(EventBusKeys.HandledMarker(appId, handledBefore), "1");
        foreach (var (id, key) in new[] { (Guid.NewGuid().ToString(), "P-20"), (handledBefore, "P-21"), (Guid.NewGuid().ToString(), "P-22") })
        {
            var json = DaprdEntries.CloudEventJson(id, ParcelShipped.EventType, ParcelShipped.Topic, "registry", new { key, weightGrams = 1 });
            await DaprdEntries.AddAsync(_db, ParcelShipped.Topic, json, ParcelShipped.EventType);
        }

        await host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => StreamAssertions.IsDrainedAsync(_db, ParcelShipped.Topic, appId), "all three entries are acknowledged");

        Assert.Equal(1, (int)await _db.HashGetAsync(probe.StateKey, "P-20"));
        Assert.False(await _db.HashExistsAsync(probe.StateKey, "P-21"));
        Assert.Equal(1, (int)await _db.HashGetAsync(probe.StateKey, "P-22"));
        Assert.Equal(2, probe.Calls);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData(100)]
    // Eight read batches: the next batch's lookup and handlers go out before the previous batch's commits are answered.
    [InlineData(4)]
    public async Task In_order_each_handler_reads_what_the_events_before_it_committed(int readBatchSize)
    {
        var appId = TestBus.NewAppId("parcels");
        HandlerProbe probe = null!;
        using var host = TestBus.Build(
            redis, appId, s => probe = s.AddProbedHandler<ParcelShipped, SequenceHandler>($"{appId}:sequence"), o => o.ReadBatchSize = readBatchSize);
        var outbox = host.Services.GetRequiredService<IEventOutbox>();
        for (var i = 0; i < 30; i++)
        {
            await outbox.PublishAsync(new ParcelShipped($"S-{i}", 1), TestContext.Current.CancellationToken);
        }

        await host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => StreamAssertions.IsDrainedAsync(_db, ParcelShipped.Topic, appId), "all 30 entries are acknowledged");

        // Each handler ran before the commit of the event ahead of it had answered, yet read its count after it.
        var seen = (await _db.ListRangeAsync($"{probe.StateKey}:seen")).Select(v => (long)v).ToArray();
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), seen);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Entries_of_a_read_sent_ahead_are_left_pending_at_stop_and_handled_once_by_the_next_instance()
    {
        var appId = TestBus.NewAppId("parcels");
        var gate = new GateProbe();
        var first = TestBus.Build(redis, appId, s => s.AddSingleton(gate).AddEventHandler<ParcelShipped, GateHandler>(), o =>
        {
            o.ReadBatchSize = 4;
            o.ConsumerName = "first";
        });
        var outbox = first.Services.GetRequiredService<IEventOutbox>();
        for (var i = 0; i < 12; i++)
        {
            await outbox.PublishAsync(new ParcelShipped($"G-{i}", 1), TestContext.Current.CancellationToken);
        }

        await first.StartAsync(TestContext.Current.CancellationToken);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // The first batch was full, so the second was read while the first's handler still runs.
        await Eventually.HoldsAsync(
            async () => (await _db.StreamPendingAsync(ParcelShipped.Topic, appId)).PendingMessageCount == 8, "two read batches are pending");
        await first.StopAsync(TestContext.Current.CancellationToken);
        first.Dispose();
        Assert.Equal(8, (await _db.StreamPendingAsync(ParcelShipped.Topic, appId)).PendingMessageCount);

        HandlerProbe probe = null!;
        using var second = TestBus.Build(redis, appId, s => probe = s.AddCountingHandler<ParcelShipped>(appId), o =>
        {
            o.ReadBatchSize = 4;
            o.ConsumerName = "second";
        });
        await second.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => StreamAssertions.IsDrainedAsync(_db, ParcelShipped.Topic, appId), "all 12 entries are acknowledged");

        var counts = await _db.HashGetAllAsync(probe.StateKey);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"G-{i}").Order(StringComparer.Ordinal), counts.Select(c => c.Name.ToString()).Order(StringComparer.Ordinal));
        Assert.All(counts, c => Assert.Equal(1, (int)c.Value));
        await second.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Events_without_a_handler_are_acknowledged_and_ignored()
    {
        var appId = TestBus.NewAppId("parcels");
        HandlerProbe probe = null!;
        using var host = TestBus.Build(redis, appId, s => probe = s.AddCountingHandler<ParcelShipped>(appId));
        var outbox = host.Services.GetRequiredService<IEventOutbox>();
        await outbox.PublishAsync(new ParcelLost("P-9"), TestContext.Current.CancellationToken);
        await outbox.PublishAsync(new ParcelShipped("P-10", 5), TestContext.Current.CancellationToken);

        await host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => StreamAssertions.IsDrainedAsync(_db, ParcelShipped.Topic, appId), "both entries are acknowledged");

        Assert.Equal(1, probe.Calls);
        Assert.False(await _db.HashExistsAsync(probe.StateKey, "P-9"));
        Assert.Equal(1, (int)await _db.HashGetAsync(probe.StateKey, "P-10"));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Published_and_handled_events_are_counted()
    {
        var appId = TestBus.NewAppId("parcels");
        var counts = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EventBusDiagnostics.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "messaging.destination.name" && Equals(tag.Value, ParcelShipped.Topic))
                {
                    lock (counts)
                    {
                        counts[instrument.Name] = counts.GetValueOrDefault(instrument.Name) + value;
                    }
                }
            }
        });
        listener.Start();

        using var host = TestBus.Build(redis, appId, s => s.AddCountingHandler<ParcelShipped>(appId));
        await host.StartAsync(TestContext.Current.CancellationToken);
        var outbox = host.Services.GetRequiredService<IEventOutbox>();
        for (var i = 0; i < 3; i++)
        {
            await outbox.PublishAsync(new ParcelShipped($"M-{i}", i), TestContext.Current.CancellationToken);
        }

        await Eventually.HoldsAsync(() => StreamAssertions.IsDrainedAsync(_db, ParcelShipped.Topic, appId), "all events are handled");
        await host.StopAsync(TestContext.Current.CancellationToken);

        lock (counts)
        {
            Assert.Equal(3, counts.GetValueOrDefault("pilot.eventbus.published"));
            Assert.Equal(3, counts.GetValueOrDefault("pilot.eventbus.handled"));
            Assert.Equal(0, counts.GetValueOrDefault("pilot.eventbus.failed"));
        }
    }

    /// <summary>Reads the count the events before it left and appends it, then counts itself.</summary>
    private sealed class SequenceHandler(HandlerProbe probe, IConnectionMultiplexer redis) : IEventHandler<ParcelShipped>
    {
        public async Task HandleAsync(EventContext<ParcelShipped> context, CancellationToken cancellationToken)
        {
            var before = (long?)await redis.GetDatabase().StringGetAsync($"{probe.StateKey}:count") ?? 0;
            context.Writes.ListRightPush($"{probe.StateKey}:seen", before);
            context.Writes.Increment($"{probe.StateKey}:count");
        }
    }

    private sealed class GateProbe
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Holds the consumer inside its first event until the host stops.</summary>
    private sealed class GateHandler(GateProbe gate) : IEventHandler<ParcelShipped>
    {
        public async Task HandleAsync(EventContext<ParcelShipped> context, CancellationToken cancellationToken)
        {
            gate.Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
