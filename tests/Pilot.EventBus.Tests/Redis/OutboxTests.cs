using Pilot.EventBus.Publishing;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pilot.EventBus.Tests.Support;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.EventBus.Tests.Redis;

public sealed class OutboxTests(RedisServerFixture redis)
{
    private readonly IDatabase _db = redis.Database;

    [Fact]
    public async Task Event_and_state_commit_in_one_transaction_as_a_daprd_shaped_entry()
    {
        await _db.KeyDeleteAsync(LedgerPosted.Topic);
        var appId = TestBus.NewAppId("ledger");
        using var host = TestBus.Build(redis, appId);
        var outbox = host.Services.GetRequiredService<IEventOutbox>();

        var tx = _db.CreateTransaction();
        _ = tx.HashSetAsync($"{appId}:ledger:L1", "amount", "12.50");
        var eventId = outbox.Enlist(tx, new LedgerPosted("L1", 12.50m));
        Assert.True(await tx.ExecuteAsync());

        Assert.Equal("12.50", await _db.HashGetAsync($"{appId}:ledger:L1", "amount"));
        var entry = Assert.Single(await _db.StreamRangeAsync(LedgerPosted.Topic));
        Assert.Equal(["data"], entry.Values.Select(v => (string)v.Name!));
        using var json = JsonDocument.Parse((string)entry["data"]!);
        Assert.Equal(eventId, json.RootElement.GetProperty("id").GetString());
        Assert.Equal(LedgerPosted.EventType, json.RootElement.GetProperty("type").GetString());
        Assert.Equal(appId, json.RootElement.GetProperty("source").GetString());
        Assert.Equal(12.50m, json.RootElement.GetProperty("data").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Aborted_transaction_publishes_nothing()
    {
        await _db.KeyDeleteAsync(LedgerPosted.Topic);
        var appId = TestBus.NewAppId("ledger");
        using var host = TestBus.Build(redis, appId);
        var outbox = host.Services.GetRequiredService<IEventOutbox>();

        var tx = _db.CreateTransaction();
        tx.AddCondition(Condition.KeyExists($"{appId}:missing"));
        _ = tx.HashSetAsync($"{appId}:ledger:L2", "amount", "1");
        outbox.Enlist(tx, new LedgerPosted("L2", 1m));

        Assert.False(await tx.ExecuteAsync());
        Assert.False(await _db.KeyExistsAsync($"{appId}:ledger:L2"));
        Assert.Equal(0, await _db.StreamLengthAsync(LedgerPosted.Topic));
    }

    [Fact]
    public async Task Topic_stream_is_trimmed_to_the_configured_length()
    {
        await _db.KeyDeleteAsync(LedgerPosted.Topic);
        using var host = TestBus.Build(redis, TestBus.NewAppId("ledger"), options: o => o.StreamMaxLength = 10);
        var outbox = host.Services.GetRequiredService<IEventOutbox>();

        for (var i = 0; i < 500; i++)
        {
            await outbox.PublishAsync(new LedgerPosted($"L{i}", i), TestContext.Current.CancellationToken);
        }

        // MAXLEN ~ trims whole radix-tree nodes (100 entries by default), so the bound is loose.
        var length = await _db.StreamLengthAsync(LedgerPosted.Topic);
        Assert.InRange(length, 10, 200);
    }
}
