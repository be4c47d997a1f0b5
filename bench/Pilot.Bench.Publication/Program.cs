using System.Globalization;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Pilot.Bench.Grpc;
using Pilot.Bench.Publication;
using Pilot.Publication;
using Pilot.ServiceDefaults;
using Pilot.ServiceDefaults.Security;
using Pilot.Testing;
using StackExchange.Redis;
using Proto = Pilot.Protos.Publication;

// Public directory queries against a published version of 10,000 organisations, over gRPC and over HTTP JSON (JSON
// transcoding), each next to a bare echo of the same transport in the same process: the production pipeline
// (authentication, telemetry instrumentation, error mapping) with a local redis-server.
// Usage: dotnet run -c Release --project bench/Pilot.Bench.Publication [seconds=6] [workers=32] [organisations=10000]
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 6;
var workers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
var organisations = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
var duration = TimeSpan.FromSeconds(seconds);

await using var redis = await RedisServer.StartAsync();
LoadRun.RedisProcessorTime = () => redis.ProcessorTime;
await using (var seeding = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
{
    await BenchDirectory.SeedAsync(seeding.GetDatabase(), organisations);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
builder.Configuration["Pilot:Auth:SigningKey"] = LocalTokenIssuer.NewSigningKey();
builder.Configuration["ConnectionStrings:redis"] = redis.ConnectionString;
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
    kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
});
builder.AddServiceDefaults();
builder.AddPublicationService();
await using var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPublicationService();
app.MapGrpcService<EchoService>().AllowAnonymous();
app.MapGet("/bench/echo", () => Results.Text("{}", "application/json")).AllowAnonymous();
await app.StartAsync();
var grpcAddress = new Uri(app.Urls.First());
var httpAddress = new Uri(app.Urls.Last());

using var channel = GrpcChannel.ForAddress(grpcAddress);
var publication = new Proto.Publication.PublicationClient(channel);
var echo = new Echo.EchoClient(channel);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers }) { BaseAddress = httpAddress };

var firstPage = new Proto.QueryDirectoryRequest { BatchId = BenchDirectory.Batch, PageSize = 20 };
var byName = new Proto.QueryDirectoryRequest { BatchId = BenchDirectory.Batch, PageSize = 20, Name = "交通" };
var checkedPage = await publication.QueryDirectoryAsync(byName);
if (checkedPage.Organisations.Count != 20 || checkedPage.Organisations.Any(o => !o.Name.Contains("交通", StringComparison.Ordinal)))
{
    throw new InvalidOperationException("the seeded directory does not answer the name query as expected");
}

Func<int, Task> GrpcQuery(Proto.QueryDirectoryRequest request) => _ => publication.QueryDirectoryAsync(request).ResponseAsync;
Func<int, Task> GrpcEcho(Proto.QueryDirectoryRequest request)
{
    var payload = Google.Protobuf.ByteString.CopyFrom(new byte[request.CalculateSize()]);
    return _ => echo.EchoAsync(new EchoMessage { Payload = payload }).ResponseAsync;
}

Func<int, Task> Http(string path) => async _ =>
{
    using var response = await http.GetAsync(path);
    response.EnsureSuccessStatusCode();
    await response.Content.ReadAsByteArrayAsync();
};

const int Rounds = 3;
var lines = new List<string>();
async Task CompareAsync(string name, Func<int, Task> call, string baselineName, Func<int, Task> baseline)
{
    await LoadRun.ClosedLoopAsync("warm-up " + name, workers, TimeSpan.FromSeconds(4), call);
    var rounds = new List<(LoadRun.Result Echo, LoadRun.Result Method)>();
    for (var round = 1; round <= Rounds; round++)
    {
        var baselineRun = await LoadRun.ClosedLoopAsync($"{baselineName}, round {round}", workers, duration, baseline);
        rounds.Add((baselineRun, await LoadRun.ClosedLoopAsync($"{name}, round {round}", workers, duration, call)));
    }

    var median = rounds.OrderBy(r => r.Method.PerSecond / r.Echo.PerSecond).ElementAt(Rounds / 2);
    var paced = await LoadRun.PacedAsync($"{name} paced", median.Method.PerSecond / 2, duration, call);
    foreach (var r in rounds.SelectMany(r => new[] { r.Echo, r.Method }).Append(paced))
    {
        Console.Error.WriteLine($"  {r.Name}: {r.PerSecond:F0}/s, p50 {r.P50Ms:F2} ms, p99 {r.P99Ms:F2} ms, {r.CpuUsPerCall:F0} + {r.RedisCpuUsPerCall:F0} µs CPU, {r.AllocatedKbPerCall:F1} KiB per call");
    }

    lines.Add($"{name}: {median.Method.PerSecond:F0}/s = {median.Method.PerSecond / median.Echo.PerSecond:F2} of {baselineName} ({median.Echo.PerSecond:F0}/s; rounds "
        + string.Join(", ", rounds.Select(r => (r.Method.PerSecond / r.Echo.PerSecond).ToString("F2", CultureInfo.InvariantCulture)))
        + $"; target >= 0.40); p99 at half load ({paced.PerSecond:F0}/s) {paced.P99Ms:F1} ms (target <= 20 ms); {median.Method.CpuUsPerCall:F0} µs CPU, {median.Method.AllocatedKbPerCall:F1} KiB per call");
}

await LoadRun.ClosedLoopAsync("warm-up echo", workers, TimeSpan.FromSeconds(8), GrpcEcho(firstPage));
await CompareAsync("gRPC QueryDirectory, first page", GrpcQuery(firstPage), "gRPC echo", GrpcEcho(firstPage));
await CompareAsync("gRPC QueryDirectory, name 交通", GrpcQuery(byName), "gRPC echo", GrpcEcho(byName));
await CompareAsync("HTTP JSON first page", Http($"/v1/directory/{BenchDirectory.Batch}/organisations?pageSize=20"), "HTTP echo", Http("/bench/echo"));
await CompareAsync("HTTP JSON name 交通", Http($"/v1/directory/{BenchDirectory.Batch}/organisations?pageSize=20&name=%E4%BA%A4%E9%80%9A"), "HTTP echo", Http("/bench/echo"));

Console.WriteLine($"directory of {organisations} organisations, {workers} workers, {seconds} s per run, {Environment.ProcessorCount} cores");
foreach (var line in lines)
{
    Console.WriteLine(line);
}
