using Pilot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Pilot.EventBus.Tests.Support;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.EventBus.Tests.Redis;

/// <summary>The batch fast path keeps the bus's promises: each event once, duplicates once, failures retried.</summary>
public sealed class BatchCommitTests(RedisServerFixture redis) : IAsyncLifetime
{
    private static readonly string[] Parts = ["a", "b", "c"];

    private readonly IDatabase _db = redis.Database;

    public async ValueTask InitializeAsync() => await _db.KeyDeleteAsync(CrateLoaded.Topic);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_batch_with_a_repeated_event_changes_each_key_once()
    {
        var appId = TestBus.NewAppId("batch");
        HandlerProbe probe = null!;
        using var host = TestBus.Build(redis, appId, s => probe = s.AddCountingHandler<CrateLoaded>(appId), o => o.CommitInBatches = true);
        for (var i = 0; i < 20; i++)
        {
            var json = DaprdEntries.CloudEventJson($"event-{appId}-{i}", CrateLoaded.EventType, CrateLoaded.Topic, "registry", new { key = $"K-{i}", weightGrams = 1 });
            await DaprdEntries.AddAsync(_db, CrateLoaded.Topic, json, CrateLoaded.EventType);
        }

        var repeated = DaprdEntries.CloudEventJson($"event-{appId}-3", CrateLoaded.EventType, CrateLoaded.Topic, "registry", new { key = "K-3", weightGrams = 1 });
        await DaprdEntries.AddAsync(_db, CrateLoaded.Topic, repeated, CrateLoaded.EventType);

        await host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => StreamAssertions.IsDrainedAsync(_db, CrateLoaded.Topic, appId), "all 21 entries are acknowledged");

        var counts = await _db.HashGetAllAsync(probe.StateKey);
        Assert.Equal(20, counts.Length);
        Assert.All(counts, entry => Assert.Equal(1, (int)entry.Value));
        Assert.Equal(20, probe.Calls);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_failing_handler_sends_the_batch_back_one_event_at_a_time_and_only_the_failure_is_retried()
    {
        var appId = TestBus.NewAppId("batch");
        HandlerProbe probe = null!;
        using var host = TestBus.Build(redis, appId, s => probe = s.AddCountingHandler<CrateLoaded>(appId), o => o.CommitInBatches = true);
        var outbox = host.Services.GetRequiredService<IEventOutbox>();
        // The fifth call throws once: in the batch, which is then dropped and handled event by event.
        probe.FailOn = call => call == 5 ? new InvalidOperationException("transient") : null;
        for (var i = 0; i < 10; i++)
        {
            await outbox.PublishAsync(new CrateLoaded($"F-{i}", 1), TestContext.Current.CancellationToken);
        }

        await host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => StreamAssertions.IsDrainedAsync(_db, CrateLoaded.Topic, appId), "all entries are acknowledged");

        var counts = await _db.HashGetAllAsync(probe.StateKey);
        Assert.Equal(10, counts.Length);
        Assert.All(counts, entry => Assert.Equal(1, (int)entry.Value));

        // Five calls in the abandoned batch (the fifth threw), then all ten again one at a time;
        // without the batch path it would have been ten plus one retry.
        Assert.Equal(15, probe.Calls);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_batch_touching_more_keys_than_one_script_takes_commits_in_parts_without_running_any_handler_twice()
    {
        var appId = TestBus.NewAppId("batch");
        HandlerProbe probe = null!;
        using var host = TestBus.Build(
            redis,
            appId,
            s => probe = s.AddProbedHandler<CrateLoaded, ThreeKeysHandler>($"{appId}:keys"),
            o => o.CommitInBatches = true);
        var outbox = host.Services.GetRequiredService<IEventOutbox>();
        for (var i = 0; i < 100; i++)
        {
            await outbox.PublishAsync(new CrateLoaded($"M-{i}", 1), TestContext.Current.CancellationToken);
        }

        await host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => StreamAssertions.IsDrainedAsync(_db, CrateLoaded.Topic, appId), "all 100 entries are acknowledged");

        // 100 markers and 300 written keys: more than the 255 keys one script can name.
        var written = await _db.StringGetAsync([.. Enumerable.Range(0, 100).SelectMany(i => Parts.Select(part => (RedisKey)$"{probe.StateKey}:M-{i}:{part}"))]);
        Assert.All(written, value => Assert.Equal("1", (string?)value));
        Assert.Equal(100, probe.Calls);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_refused_batch_commit_is_handled_one_at_a_time_and_the_batch_prepared_behind_it_is_prepared_again_in_order()
    {
        var appId = TestBus.NewAppId("batch");
        HandlerProbe probe = null!;
        var gate = $"{appId}:gate";
        using var host = TestBus.Build(
            redis,
            appId,
            s =>
            {
                s.AddSingleton(new RefuseOnce(gate, "O-2"));
                probe = s.AddProbedHandler<CrateLoaded, OrderRecordingHandler>($"{appId}:order");
            },
            o =>
            {
                o.CommitInBatches = true;
                o.ReadBatchSize = 5;
                // A reclaim between the two batches would wait for the first commit before reading the second.
                o.ClaimInterval = TimeSpan.FromMinutes(1);
            });
        var outbox = host.Services.GetRequiredService<IEventOutbox>();
        for (var i = 0; i < 10; i++)
        {
            await outbox.PublishAsync(new CrateLoaded($"O-{i}", 1), TestContext.Current.CancellationToken);
        }

        // O-2's handler makes its first commit depend on the gate being absent: the first batch's script is refused.
        await _db.StringSetAsync(gate, "closed");
        await host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => StreamAssertions.IsDrainedAsync(_db, CrateLoaded.Topic, appId), "all 10 entries are acknowledged");

        var order = (await _db.ListRangeAsync(probe.StateKey)).Select(v => (string)v!).ToArray();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"O-{i}"), order);

        // First batch: five in its refused script, then five one at a time. Second batch: prepared while the first
        // committed, then prepared again once the first had gone through one at a time.
        Assert.Equal(20, probe.Calls);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Losing_the_reading_connection_mid_stream_loses_nothing_and_handles_nothing_twice()
    {
        var appId = TestBus.NewAppId("batch");
        HandlerProbe probe = null!;
        using var host = TestBus.Build(
            redis,
            appId,
            s => probe = s.AddProbedHandler<CrateLoaded, SlowCountingHandler>($"{appId}:lost"),
            o =>
            {
                o.CommitInBatches = true;
                o.ReadBatchSize = 10;
            });
        var outbox = host.Services.GetRequiredService<IEventOutbox>();
        for (var i = 0; i < 200; i++)
        {
            await outbox.PublishAsync(new CrateLoaded($"L-{i}", 1), TestContext.Current.CancellationToken);
        }

        await host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => probe.Calls >= 20, "the consumer is under way");

        // The reading connection dies with batches read, prepared and committing: they stay pending and are reclaimed.
        var clients = (string)(await _db.ExecuteAsync("CLIENT", "LIST"))!;
        var readers = clients.Split('\n').Where(line => line.Contains($" name={appId}-eventbus-reader ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(readers);
        foreach (var reader in readers)
        {
            var id = reader.Split(' ').Single(field => field.StartsWith("id=", StringComparison.Ordinal))[3..];
            await _db.ExecuteAsync("CLIENT", "KILL", "ID", id);
        }

        await Eventually.HoldsAsync(() => StreamAssertions.IsDrainedAsync(_db, CrateLoaded.Topic, appId), "all 200 entries are acknowledged", TimeSpan.FromSeconds(30));
        var counts = await _db.HashGetAllAsync(probe.StateKey);
        Assert.Equal(200, counts.Length);
        Assert.All(counts, entry => Assert.Equal(1, (int)entry.Value));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private sealed class ThreeKeysHandler(HandlerProbe probe) : IEventHandler<CrateLoaded>
    {
        public Task HandleAsync(EventContext<CrateLoaded> context, CancellationToken cancellationToken)
        {
            probe.NextCall();
            foreach (var part in Parts)
            {
                context.Writes.Increment($"{probe.StateKey}:{context.Event.Key}:{part}");
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>The first time the named key's event is handled, its commit requires the gate to be absent (it is not).</summary>
    private sealed class RefuseOnce(string gate, string key)
    {
        private int _refused;

        public void Apply(string eventKey, IStateWrites writes)
        {
            if (eventKey == key && Interlocked.Exchange(ref _refused, 1) == 0)
            {
                writes.Absent(gate);
            }
        }
    }

    private sealed class OrderRecordingHandler(HandlerProbe probe, RefuseOnce refusal) : IEventHandler<CrateLoaded>
    {
        public Task HandleAsync(EventContext<CrateLoaded> context, CancellationToken cancellationToken)
        {
            probe.NextCall();
            refusal.Apply(context.Event.Key, context.Writes);
            context.Writes.ListRightPush(probe.StateKey, context.Event.Key);
            return Task.CompletedTask;
        }
    }

    /// <summary>Counts the event's key, taking a little time so that the stream is still being read when a test interferes.</summary>
    private sealed class SlowCountingHandler(HandlerProbe probe) : IEventHandler<CrateLoaded>
    {
        public async Task HandleAsync(EventContext<CrateLoaded> context, CancellationToken cancellationToken)
        {
            probe.NextCall();
            await Task.Delay(2, cancellationToken);
            context.Writes.HashIncrement(probe.StateKey, context.Event.Key);
        }
    }
}
