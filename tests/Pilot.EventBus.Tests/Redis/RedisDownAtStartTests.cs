using Pilot.EventBus.Tests.Support;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.EventBus.Tests.Redis;

/// <summary>A service can start before its Redis, or while Redis restarts; its consumer must wait, not give up.</summary>
public sealed class RedisDownAtStartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_consumer_started_while_Redis_is_down_consumes_once_Redis_is_back()
    {
        await using var server = await RedisServer.StartAsync();
        await using var multiplexer = await ConnectionMultiplexer.ConnectAsync(
            $"{server.ConnectionString},abortConnect=false,connectTimeout=200,asyncTimeout=300,syncTimeout=300");
        server.Kill();
        var appId = TestBus.NewAppId("late-redis");
        HandlerProbe probe = null!;
        using var host = TestBus.Build(multiplexer, appId, s => probe = s.AddCountingHandler<PalletStored>(appId));

        await host.StartAsync(Ct);
        // Long enough for the consumer's first calls (creating its group) to fail against the dead server.
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        await server.RestartAsync();
        var db = multiplexer.GetDatabase();
        var json = DaprdEntries.CloudEventJson(Guid.NewGuid().ToString(), PalletStored.EventType, PalletStored.Topic, "registry", new { key = "P-late", weightGrams = 5 });
        await Eventually.HoldsAsync(async () => (await TryAddAsync(db, json)), "the restarted Redis takes the entry", TimeSpan.FromSeconds(20));

        await Eventually.HoldsAsync(
            async () => (int?)await db.HashGetAsync(probe.StateKey, "P-late") == 1, "the entry is handled", TimeSpan.FromSeconds(20));
        await host.StopAsync(Ct);
    }

    private static async Task<bool> TryAddAsync(IDatabase db, string json)
    {
        try
        {
            await DaprdEntries.AddAsync(db, PalletStored.Topic, json, PalletStored.EventType);
            return true;
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            return false;
        }
    }
}
