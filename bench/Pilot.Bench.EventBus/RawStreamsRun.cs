using System.Diagnostics;
using StackExchange.Redis;

namespace Pilot.Bench.EventBus;

/// <summary>
/// Baseline (a): the least a Redis Streams pipeline can do — XADD, XREADGROUP (BLOCK, own connection)
/// and one XACK per batch — with the same payload size as the bus and no envelope, dedupe or state.
/// </summary>
internal static class RawStreamsRun
{
    private const string Group = "raw-bench";

    public static async Task<RunResult> RunAsync(string name, IConnectionMultiplexer redis, byte[] payload, int count, Func<int, Func<int, Task>, Task> drive)
    {
        var topic = $"raw-bench-{Guid.NewGuid():N}";
        var db = redis.GetDatabase();
        await db.StreamCreateConsumerGroupAsync(topic, Group, "0", createStream: true);
        var recorder = new LatencyRecorder(count);
        using var stop = new CancellationTokenSource();
        var readerOptions = ConfigurationOptions.Parse(redis.Configuration);
        readerOptions.SocketManager = SocketManager.ThreadPool;
        await using var reader = await ConnectionMultiplexer.ConnectAsync(readerOptions);
        var consumer = ConsumeAsync(reader.GetDatabase(), db, topic, recorder, stop.Token);

        recorder.Start();
        var clock = Stopwatch.StartNew();
        await drive(count, async i =>
        {
            recorder.Sent(i);
            await db.StreamAddAsync(topic, [new NameValueEntry("data", payload), new NameValueEntry("seq", i)]);
        });
        await recorder.AllHandled;
        var elapsed = clock.Elapsed;

        await stop.CancelAsync();
        await consumer;
        await db.KeyDeleteAsync(topic);
        return recorder.Summarise(name, elapsed);
    }

    private static async Task ConsumeAsync(IDatabase reader, IDatabase db, string topic, LatencyRecorder recorder, CancellationToken stop)
    {
        object[] args = ["GROUP", Group, "c1", "COUNT", 100, "BLOCK", 100, "STREAMS", topic, ">"];
        while (!stop.IsCancellationRequested)
        {
            var reply = await reader.ExecuteAsync("XREADGROUP", args);
            if (reply.IsNull)
            {
                continue;
            }

            var entries = (RedisResult[])((RedisResult[])((RedisResult[])reply!)[0]!)[1]!;
            var ids = new RedisValue[entries.Length];
            for (var e = 0; e < entries.Length; e++)
            {
                var pair = (RedisResult[])entries[e]!;
                ids[e] = (RedisValue)pair[0];
                var fields = (RedisValue[])pair[1]!;
                recorder.Handled((int)fields[3]);
            }

            await db.StreamAcknowledgeAsync(topic, Group, ids);
        }
    }
}
