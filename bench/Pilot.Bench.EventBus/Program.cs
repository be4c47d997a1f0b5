using System.Text;
using System.Text.Json;
using Pilot.Bench.EventBus;
using Pilot.Testing;
using StackExchange.Redis;

// Usage: dotnet run -c Release --project bench/Pilot.Bench.EventBus [events=100000] [pacedSeconds=5] [only-batch]
// ("only-batch" runs the raw loop and the batch-commit bus only, e.g. to profile them).
var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var pacedSeconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
const int PacedRate = 1_000;

await using var server = await RedisServer.StartAsync();
LatencyRecorder.RedisProcessorTime = () => server.ProcessorTime;
// Configured as the services connect (AddPilotRedisClient): socket work on the .NET thread pool.
await using var redis = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { server.ConnectionString }, SocketManager = SocketManager.ThreadPool });

// The raw loop sends a byte array as long as the bus's whole CloudEvent entry, so both move the same bytes.
var padding = new string('x', 200);
var sampleEnvelope = JsonSerializer.SerializeToUtf8Bytes(new
{
    specversion = "1.0", id = Guid.NewGuid().ToString(), source = "bench-0123456789abcdef0123456789abcdef",
    type = BenchTick.EventType, datacontenttype = "application/json", data = new BenchTick(count, padding),
    topic = BenchTick.Topic, pubsubname = "pubsub", time = DateTime.UtcNow.ToString("O"),
    traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00", traceid = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00", tracestate = "",
});
var payload = Encoding.UTF8.GetBytes(new string('r', sampleEnvelope.Length));

Console.WriteLine($"redis-server {server.ConnectionString}, {Environment.ProcessorCount} cores, {count} events, payload {payload.Length} bytes, up to {Pacer.MaxInFlight} publishes in flight");

// Warm-up: JIT, connection pools, Redis allocations.
await RawStreamsRun.RunAsync("warm-up", redis, payload, 2_000, Pacer.FlatOutAsync);
await EventBusRun.RunAsync("warm-up", redis, padding, 2_000, 1, Pacer.FlatOutAsync);

// The batch path has code of its own: without this it would still be compiling (tier 0, instrumented) while measured.
// Twice, with pauses: the runtime promotes hot methods to optimised code in the background, and only once no new
// method has been compiled for a while; with one pass the first measured round of both loops ran up to 40 % slower.
for (var pass = 0; pass < 2; pass++)
{
    await EventBusRun.RunAsync("warm-up", redis, padding, 10_000, 1, Pacer.FlatOutAsync, commitInBatches: true);
    await RawStreamsRun.RunAsync("warm-up", redis, payload, 10_000, Pacer.FlatOutAsync);
    await Task.Delay(TimeSpan.FromSeconds(1));
}

// The raw loop and the batch-commit bus alternate in rounds: a single raw run varied between 34k and 46k events/s from
// one bench run to the next, and the median of the rounds' ratios is steadier than any one of them.
const int Rounds = 3;
var rounds = new List<(RunResult Raw, RunResult Bus)>();
for (var round = 1; round <= Rounds; round++)
{
    Console.Error.WriteLine($"round {round}");
    var rawRound = await RawStreamsRun.RunAsync($"(a) raw XADD/XREADGROUP/XACK, round {round}", redis, payload, count, Pacer.FlatOutAsync);
    rounds.Add((rawRound, await EventBusRun.RunAsync($"(b) bus, batch commit, round {round}", redis, padding, count, 1, Pacer.FlatOutAsync, commitInBatches: true)));
}

var (raw, busBatched) = rounds.OrderBy(r => r.Bus.EventsPerSecond / r.Raw.EventsPerSecond).ElementAt(Rounds / 2);
var batchRatios = string.Join(", ", rounds.Select(r => (r.Bus.EventsPerSecond / r.Raw.EventsPerSecond).ToString("N2", System.Globalization.CultureInfo.InvariantCulture)));
if (args.Length > 2 && args[2] == "only-batch")
{
    rounds.ForEach(r => Console.WriteLine($"{r.Raw}\n{r.Bus}"));
    Console.WriteLine($"throughput ratio b/a with batch commit: median {busBatched.EventsPerSecond / raw.EventsPerSecond:N2} of rounds {batchRatios} (target >= 0.5)");
    return;
}

// The per-event modes are several times slower: a fifth of the events is plenty to measure them.
var bus = await EventBusRun.RunAsync("(b) bus, in order (concurrency 1)", redis, padding, count / 5, 1, Pacer.FlatOutAsync);
var busParallel = await EventBusRun.RunAsync("(b) bus, handler concurrency 16", redis, padding, count / 5, 16, Pacer.FlatOutAsync);
var busBatchedLua = await EventBusRun.RunAsync("(b) bus, batch commit, Lua producer", redis, padding, count, 1, Pacer.FlatOutAsync, commitInBatches: true, luaProducer: true);
var pacedCount = PacedRate * pacedSeconds;
var rawPaced = await RawStreamsRun.RunAsync($"(a) raw at {PacedRate}/s", redis, payload, pacedCount, (n, p) => Pacer.AtRateAsync(n, PacedRate, p));
var busPaced = await EventBusRun.RunAsync($"(b) bus at {PacedRate}/s", redis, padding, pacedCount, 1, (n, p) => Pacer.AtRateAsync(n, PacedRate, p));
var busBatchedPaced = await EventBusRun.RunAsync($"(b) bus, batch commit, at {PacedRate}/s", redis, padding, pacedCount, 1, (n, p) => Pacer.AtRateAsync(n, PacedRate, p), commitInBatches: true);

foreach (var result in rounds.SelectMany(r => new[] { r.Raw, r.Bus }).Concat([bus, busParallel, busBatchedLua, rawPaced, busPaced, busBatchedPaced]))
{
    Console.WriteLine(result);
}

Console.WriteLine($"throughput ratio b/a with batch commit: median {busBatched.EventsPerSecond / raw.EventsPerSecond:N2} of rounds {batchRatios} (target >= 0.5); against the median round's raw loop: {bus.EventsPerSecond / raw.EventsPerSecond:N2} in order, {busParallel.EventsPerSecond / raw.EventsPerSecond:N2} with concurrency 16, {busBatchedLua.EventsPerSecond / raw.EventsPerSecond:N2} with batch commit and a Lua producer");
Console.WriteLine($"paced p99: {busPaced.P99Ms:N2} ms per event, {busBatchedPaced.P99Ms:N2} ms with batch commit (target <= 10 ms)");
