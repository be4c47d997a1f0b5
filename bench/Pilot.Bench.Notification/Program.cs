using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Pilot.Notification;
using Pilot.Notification.Domain.Messages;
using Pilot.ServiceDefaults;
using Pilot.ServiceDefaults.Security;
using Pilot.SharedKernel;
using Pilot.Testing;
using StackExchange.Redis;
using Proto = Pilot.Protos.Notification;

// Fan-out of N events (default 1,000 filing-submitted events spread over R regions) through the Notification
// service in process, the production pipeline (event bus consumer, fan-out commit, scheduler, signed webhook POSTs
// through the guarded connect step) against a local redis-server and a webhook receiver on loopback. Every bureau has
// a webhook, so each event makes one inbox message and one webhook call.
// Measures: events per second to the last inbox message and to the last webhook call; p50/p99 event-to-delivery
// latency per channel (from the envelope's time, stamped as it is appended, to the message's commit or the receiver's
// arrival).
// Usage: dotnet run -c Release --project bench/Pilot.Bench.Notification [events=1000] [regions=20] [rate=0]
// (rate: events appended per second; 0 appends them all at once, a burst whose latency is mostly queueing).
var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var regions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var rate = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0;

await using var redis = await RedisServer.StartAsync();
var signingKey = LocalTokenIssuer.NewSigningKey();

// The receiver: answers 204 and notes when each webhook-id arrived.
var arrivals = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
var receiverPort = LoopbackPorts.ForImmediateUse();
var receiverBuilder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Directory.CreateTempSubdirectory("bench-receiver").FullName });
receiverBuilder.WebHost.UseUrls($"http://127.0.0.1:{receiverPort}");
receiverBuilder.Logging.ClearProviders();
await using var receiver = receiverBuilder.Build();
receiver.MapPost("/{party}", (HttpContext http) =>
{
    arrivals.TryAdd(http.Request.Headers["webhook-id"].ToString(), DateTimeOffset.UtcNow);
    return Results.NoContent();
});
await receiver.StartAsync();

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
builder.Configuration["Pilot:Auth:SigningKey"] = signingKey;
builder.Configuration["ConnectionStrings:redis"] = redis.ConnectionString;
builder.Configuration["Pilot:Notification:Webhooks:AllowPrivateNetworks"] = "true";
builder.Configuration["Pilot:Notification:Reminders:Enabled"] = "false";
builder.Configuration["Pilot:Scheduling:PollInterval"] = "00:00:00.050";
builder.Configuration["Pilot:Scheduling:Concurrency"] = "16";
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2));
builder.AddServiceDefaults();
builder.AddNotificationService();
await using var app = builder.Build();
app.MapDefaultEndpoints();
app.MapNotificationService();
await app.StartAsync();

var tokens = new LocalTokenIssuer(Convert.FromBase64String(signingKey));
using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(app.Urls.First());
var notification = new Proto.Notification.NotificationClient(channel);
var regionCodes = Enumerable.Range(0, regions).Select(i => (110000 + (i * 10000)).ToString(CultureInfo.InvariantCulture)).ToList();
foreach (var region in regionCodes)
{
    var caller = new Grpc.Core.Metadata { { "Authorization", "Bearer " + tokens.Issue(Roles.ProvincialHr, region: region, subject: "bench-" + region) } };
    await notification.RegisterWebhookAsync(new Proto.RegisterWebhookRequest { RequestId = "bench", Url = $"http://127.0.0.1:{receiverPort}/bureau-{region}" }, caller);
}

var multiplexer = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
var db = multiplexer.GetDatabase();
var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
var published = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
var clock = Stopwatch.StartNew();
var appends = new List<Task>();
for (var i = 0; i < events; i++)
{
    if (rate > 0 && clock.Elapsed < TimeSpan.FromSeconds((double)i / rate))
    {
        await Task.Delay(TimeSpan.FromSeconds((double)i / rate) - clock.Elapsed);
    }

    var region = regionCodes[i % regions];
    var eventId = $"bench-{i}";
    var filingId = $"bench/f-{i}";
    var time = DateTimeOffset.UtcNow;
    published[MessageIds.For(eventId, "bureau:" + region)] = time;
    var envelope = JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["specversion"] = "1.0",
        ["id"] = eventId,
        ["source"] = "filing",
        ["type"] = "pilot.filing.filing-submitted.v1",
        ["datacontenttype"] = "application/json",
        ["time"] = time.ToString("O", CultureInfo.InvariantCulture),
        ["topic"] = "filing-events",
        ["pubsubname"] = "pubsub",
        ["data"] = new
        {
            filingId, batchId = "bench", branchId = "br-" + i, organisationId = "org-bench", regionCode = region, regionName = "某省",
            occupations = new[] { new { code = "4-12-01-01", subType = (string?)null } }, attempt = 1,
        },
    }, web);
    appends.Add(db.StreamAddAsync("filing-events", [new NameValueEntry("data", envelope)]));
}

await Task.WhenAll(appends);
var publishedIn = clock.Elapsed;

// Wait for every inbox message and every webhook call (at most two minutes).
var inboxCommitted = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
var deadline = DateTime.UtcNow.AddMinutes(2);
TimeSpan? lastInbox = null, lastWebhook = null;
while (DateTime.UtcNow < deadline && (lastInbox is null || lastWebhook is null))
{
    if (lastInbox is null)
    {
        var count = 0L;
        foreach (var region in regionCodes)
        {
            count += await db.StreamLengthAsync($"notification:inbox:bureau:{region}:stream");
        }

        if (count >= events)
        {
            lastInbox = clock.Elapsed;
        }
    }

    if (lastWebhook is null && arrivals.Count >= events)
    {
        lastWebhook = clock.Elapsed;
    }

    await Task.Delay(5);
}

foreach (var messageId in published.Keys)
{
    var record = await db.HashGetAsync($"notification:message:{messageId}", "record");
    if (!record.IsNull)
    {
        inboxCommitted[messageId] = JsonSerializer.Deserialize<InboxMessage>(record.ToString(), web)!.CreatedAt;
    }
}

static string Percentiles(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    if (sorted.Length == 0)
    {
        return "none";
    }

    double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.50):0} ms, p99 {At(0.99):0} ms, max {sorted[^1]:0} ms (n={sorted.Length})");
}

var inboxLatency = inboxCommitted.Select(p => (p.Value - published[p.Key]).TotalMilliseconds);
var webhookLatency = arrivals.Where(a => published.ContainsKey(a.Key)).Select(a => (a.Value - published[a.Key]).TotalMilliseconds);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"events {events} over {regions} bureaus{(rate > 0 ? $" at {rate}/s" : " at once")}, appended in {publishedIn.TotalMilliseconds:0} ms; processors {Environment.ProcessorCount}"));
Console.WriteLine(lastInbox is { } inbox
    ? string.Create(CultureInfo.InvariantCulture, $"inbox:   all {events} in {inbox.TotalSeconds:0.00} s = {events / inbox.TotalSeconds:0} events/s; latency {Percentiles(inboxLatency)}")
    : $"inbox:   only {inboxCommitted.Count} of {events} within two minutes");
Console.WriteLine(lastWebhook is { } hook
    ? string.Create(CultureInfo.InvariantCulture, $"webhook: all {events} in {hook.TotalSeconds:0.00} s = {events / hook.TotalSeconds:0} events/s; latency {Percentiles(webhookLatency)}")
    : $"webhook: only {arrivals.Count} of {events} within two minutes");
await app.StopAsync();
return lastInbox is null || lastWebhook is null ? 1 : 0;
