using Dapr.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pilot.EventBus;
using Pilot.EventBus.Publishing;
using StackExchange.Redis;

// Commits a state change and its event through the outbox, says so on stdout, and waits to be killed. Under
// Dapr its sidecar is unreachable (nothing listens on port 1), so the relay keeps failing and the event can
// only go out after the process is gone, from the outbox a restarted relay drains.
// Usage: Pilot.EventBus.CrashProbe <redis connection string> <app id> <dapr|redis> <key>
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: Pilot.EventBus.CrashProbe <redis> <app id> <dapr|redis> <key>");
    return 2;
}

var (connection, appId, transport, key) = (args[0], args[1], args[2] == "dapr" ? EventBusTransport.Dapr : EventBusTransport.RedisStreams, args[3]);
var redis = await ConnectionMultiplexer.ConnectAsync(connection);
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
builder.AddPilotEventBus(appId, options =>
{
    options.Transport = transport;
    options.RelayPollInterval = TimeSpan.FromMilliseconds(50);
});
builder.Services.AddSingleton(new DaprClientBuilder().UseGrpcEndpoint("http://127.0.0.1:1").Build());
using var host = builder.Build();
await host.StartAsync();

var db = redis.GetDatabase();
var tx = db.CreateTransaction();
_ = tx.HashSetAsync($"{appId}:probe:{key}", "state", "committed");
var eventId = host.Services.GetRequiredService<IEventOutbox>().Enlist(tx, new ProbeCommitted(key));
if (!await tx.ExecuteAsync())
{
    Console.Error.WriteLine("the commit failed");
    return 1;
}

Console.WriteLine($"committed {eventId}");
await Task.Delay(Timeout.Infinite);
return 0;

/// <summary>Same type and topic as the tests' <c>ProbeCommitted</c>, so their consumer reads it.</summary>
internal sealed record ProbeCommitted(string Key) : IIntegrationEvent
{
    public static string EventType => "pilot.test.probe.committed.v1";

    public static string Topic => "test-crash-events";
}
