using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pilot.EventBus;
using Pilot.EventBus.Publishing;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.Bench.EventBus;

/// <summary>
/// (b): the whole bus as a service uses it — state write plus event in one MULTI/EXEC, the hosted
/// Redis Streams consumer, and a handler whose write commits with the dedupe marker and the XACK in one script.
/// </summary>
internal static class EventBusRun
{
    public static async Task<RunResult> RunAsync(
        string name, IConnectionMultiplexer redis, string padding, int count, int handlerConcurrency, Func<int, Func<int, Task>, Task> drive, bool commitInBatches = false, bool luaProducer = false)
    {
        var appId = $"bench-{Guid.NewGuid():N}";
        var db = redis.GetDatabase();
        await db.KeyDeleteAsync(BenchTick.Topic);
        var recorder = new LatencyRecorder(count);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
        builder.Services.AddSingleton(recorder);
        builder.AddPilotEventBus(appId, o =>
        {
            o.HandlerConcurrency = handlerConcurrency;
            o.CommitInBatches = commitInBatches;
        });
        builder.Services.AddEventHandler<BenchTick, RecordingHandler>();
        using var host = builder.Build();
        await host.StartAsync();
        var outbox = host.Services.GetRequiredService<IEventOutbox>();

        recorder.Start();
        var clock = Stopwatch.StartNew();
        await drive(count, async i =>
        {
            recorder.Sent(i);
            if (luaProducer)
            {
                // As the Registry and Filing commit: one script for the state and the event.
                var commit = new ConditionalCommit();
                commit.HashSet($"{appId}:producer-state", new HashEntry(i, 1));
                commit.Append(outbox.Prepare(BenchTick.Topic, BenchTick.EventType, new BenchTick(i, padding)));
                await commit.ExecuteAsync(db);
                return;
            }

            var tx = db.CreateTransaction();
            _ = tx.HashSetAsync($"{appId}:producer-state", i, 1);
            outbox.Enlist(tx, new BenchTick(i, padding));
            await tx.ExecuteAsync();
        });
        await recorder.AllHandled;
        var elapsed = clock.Elapsed;

        await host.StopAsync();
        await db.KeyDeleteAsync([BenchTick.Topic, $"{appId}:producer-state", $"{appId}:consumer-state"]);
        return recorder.Summarise(name, elapsed);
    }

    private sealed class RecordingHandler(LatencyRecorder recorder) : IEventHandler<BenchTick>
    {
        public Task HandleAsync(EventContext<BenchTick> context, CancellationToken cancellationToken)
        {
            // Recorded when the writes commit, not before, so latency covers the whole handling.
            context.Writes.Increment($"{context.Envelope.Source}:consumer-state");
            context.OnCommitted(() => recorder.Handled(context.Event.Seq));
            return Task.CompletedTask;
        }
    }
}
