using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Pilot.Filing;
using Pilot.Filing.Batches;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Filings;
using Pilot.Filing.Grpc;
using Pilot.Registry;
using Pilot.Registry.Grpc;
using Pilot.ServiceDefaults;
using Pilot.ServiceDefaults.Security;
using Pilot.Testing;
using Pilot.Testing.Services;
using Pilot.Testing.Services.Hostile;
using StackExchange.Redis;

// The hostile suite's long run: one service in this process (production pipeline, Kestrel over loopback HTTP/2, server
// GC), its public methods called <iterations> times each with generated hostile requests, and the process's resident
// memory before, at peak and after. Usage:
//   dotnet run -c Release --project bench/Pilot.Bench.Hostile -- registry|filing [iterations per method, 10000]
var service = args.Length > 0 ? args[0] : "registry";
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
RestSeconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 15;

await using var redis = await RedisServer.StartAsync();
var signingKey = LocalTokenIssuer.NewSigningKey();
var blobs = Directory.CreateTempSubdirectory("pilot-bench-hostile-");
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
builder.Configuration["Pilot:Auth:SigningKey"] = signingKey;
builder.Configuration["ConnectionStrings:redis"] = redis.ConnectionString;
builder.Configuration["Pilot:Blobs:Path"] = blobs.FullName;
builder.Configuration["Pilot:Batches:bench:Plan"] = "2026-06-10";
builder.Configuration["Pilot:Batches:bench:FilingGuidance"] = "2026-07-01";
builder.Configuration["Pilot:Batches:bench:ImplementationAndPublicity"] = "2026-07-20";
builder.Logging.SetMinimumLevel(LogLevel.Error);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
builder.AddServiceDefaults();
var (limits, descriptors) = service switch
{
    "registry" => AddRegistry(builder),
    "filing" => AddFiling(builder),
    _ => throw new ArgumentException($"unknown service '{service}': registry or filing"),
};
await using var app = builder.Build();
app.MapDefaultEndpoints();
if (service == "registry")
{
    app.MapRegistryService();
}
else
{
    app.MapFilingService();
}

await app.StartAsync();
using var channel = GrpcChannel.ForAddress(app.Urls.First());
await using var multiplexer = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
var publicMethods = GrpcSurface.MappedMethods(app.Services)
    .Where(method => app.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .Where(e => e.Metadata.GetMetadata<Grpc.AspNetCore.Server.GrpcMethodMetadata>()?.Method.FullName == method.FullName)
        .Any(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
    .Where(method => Environment.GetEnvironmentVariable("PILOT_BENCH_ONLY") is not { Length: > 0 } only || only.Split(',').Contains(method.Name))
    .ToList();
var suite = new HostileSuite(channel, multiplexer.GetDatabase(), limits, descriptors);
var tokens = HostileTokens.From(new LocalTokenIssuer(Convert.FromBase64String(signingKey)));

// Warm up (JIT, pools, connections) so "before" is the service at rest, not a process still starting.
await suite.RunAsync(publicMethods, tokens, 50);
var before = await RestingResidentAsync();
var peak = before;
using var sampling = new CancellationTokenSource();
var sampler = Task.Run(async () =>
{
    while (!sampling.IsCancellationRequested)
    {
        peak = Math.Max(peak, Resident());
        await Task.Delay(100);
    }
});
var clock = Stopwatch.StartNew();
await suite.RunAsync(publicMethods, tokens, iterations);
clock.Stop();
await sampling.CancelAsync();
await sampler;
var after = await RestingResidentAsync();

Console.WriteLine($"{service}: {publicMethods.Count} public methods ({string.Join(", ", publicMethods.Select(m => m.Name))}), {iterations} hostile calls each, {clock.Elapsed.TotalSeconds:F0} s");
Console.WriteLine($"resident memory: before {before / 1048576} MB, peak {peak / 1048576} MB, after {after / 1048576} MB ({100.0 * (after - before) / before:F0} % over before)");
await app.StopAsync();
blobs.Delete(recursive: true);

static long Resident()
{
    using var self = Process.GetCurrentProcess();
    return self.WorkingSet64;
}

// After a rest with full collections, as a service between bursts would be: Kestrel's memory pool gives idle blocks
// back after a few seconds, and the collector decommits what it freed.
static async Task<long> RestingResidentAsync()
{
    for (var i = 0; i < 3; i++)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        await Task.Delay(TimeSpan.FromSeconds(RestSeconds / 3.0));
    }

    Console.WriteLine($"  managed heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576} MB, committed {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576} MB, resident {Resident() / 1048576} MB");
    return Resident();
}

static (Pilot.ServiceDefaults.Grpc.Input.InputLimits, IReadOnlyDictionary<string, Google.Protobuf.Reflection.MessageDescriptor>) AddRegistry(WebApplicationBuilder builder)
{
    builder.AddRegistryService();
    var limits = RegistryInputLimits.Create();

    // Filing compiles registry.proto too (as a client), so the descriptor comes from the limits, not a type name.
    return (limits, RequestDescriptors.Of([.. limits.Files]));
}

static (Pilot.ServiceDefaults.Grpc.Input.InputLimits, IReadOnlyDictionary<string, Google.Protobuf.Reflection.MessageDescriptor>) AddFiling(WebApplicationBuilder builder)
{
    builder.AddFilingService();

    // No Registry runs here: batches are the configured one, and no branch exists.
    builder.Services.AddSingleton<IBranchFactsSource, NoBranches>();
    builder.Services.AddSingleton<IBatchMilestonesSource>(sp => sp.GetRequiredService<ConfiguredBatchMilestones>());
    var limits = FilingInputLimits.Create();
    return (limits, RequestDescriptors.Of([.. limits.Files]));
}

/// <summary>How long the process rests before "before" and "after" are read.</summary>
internal static partial class Program
{
    public static int RestSeconds { get; set; } = 15;
}

/// <summary>Stands in for the Registry: no branch exists.</summary>
internal sealed class NoBranches : IBranchFactsSource
{
    public Task<BranchFacts?> FindAsync(string batchId, string branchId, CancellationToken cancellationToken = default) =>
        Task.FromResult<BranchFacts?>(null);
}
