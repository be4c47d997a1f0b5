using Pilot.EventBus.Publishing;
using System.Diagnostics;
using System.Text.Json;
using Dapr.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pilot.EventBus.Tests.Support;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.EventBus.Tests.Dapr;

public sealed class OutboxRelayTests(RedisServerFixture redis)
{
    private readonly IDatabase _db = redis.Database;

    private IHost BuildDaprHost(string appId, CapturingDaprHandler daprd) =>
        TestBus.Build(redis, appId, s => s.AddSingleton<DaprClient>(daprd.CreateClient()), o => o.Transport = EventBusTransport.Dapr);

    private static async Task<string> CommitPermitAsync(IHost host, IDatabase db, string appId, string key)
    {
        var tx = db.CreateTransaction();
        _ = tx.HashSetAsync($"{appId}:permit:{key}", "holder", "Ada Lovelace");
        var eventId = host.Services.GetRequiredService<IEventOutbox>().Enlist(tx, new PermitGranted(key, "Ada Lovelace"));
        Assert.True(await tx.ExecuteAsync());
        return eventId;
    }

    [Fact]
    public async Task Relay_publishes_outbox_entries_through_the_dapr_grpc_api_with_cloudevent_metadata()
    {
        var appId = TestBus.NewAppId("permits");
        var daprd = new CapturingDaprHandler();
        using var host = BuildDaprHost(appId, daprd);
        await host.StartAsync(TestContext.Current.CancellationToken);

        string eventId;
        string traceParent;
        using (var request = new Activity("grant permit").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            traceParent = request.Id!;
            eventId = await CommitPermitAsync(host, _db, appId, "K1");
        }

        await Eventually.HoldsAsync(() => !daprd.Published.IsEmpty, "daprd receives the event");
        var sent = Assert.Single(daprd.Published);
        Assert.Equal("pubsub", sent.PubsubName);
        Assert.Equal(PermitGranted.Topic, sent.Topic);
        Assert.Equal("application/json", sent.DataContentType);
        using (var data = JsonDocument.Parse(sent.Data.ToStringUtf8()))
        {
            Assert.Equal("K1", data.RootElement.GetProperty("key").GetString());
            Assert.Equal("Ada Lovelace", data.RootElement.GetProperty("holderName").GetString());
        }

        Assert.Equal(PermitGranted.EventType, sent.Metadata["cloudevent.type"]);
        Assert.Equal(eventId, sent.Metadata["cloudevent.id"]);
        Assert.Equal(appId, sent.Metadata["cloudevent.source"]);
        Assert.Equal(traceParent, sent.Metadata["cloudevent.traceparent"]);
        await Eventually.HoldsAsync(async () => await _db.StreamLengthAsync(EventBusKeys.Outbox(appId)) == 0, "the relayed entry is deleted");
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Event_committed_before_a_crash_is_published_after_restart()
    {
        var appId = TestBus.NewAppId("permits");
        var daprd = new CapturingDaprHandler();
        string eventId;

        // The first "process" commits and dies before its relay ever runs.
        using (var crashed = BuildDaprHost(appId, daprd))
        {
            eventId = await CommitPermitAsync(crashed, _db, appId, "K2");
        }

        Assert.Equal("Ada Lovelace", await _db.HashGetAsync($"{appId}:permit:K2", "holder"));
        Assert.Equal(1, await _db.StreamLengthAsync(EventBusKeys.Outbox(appId)));
        Assert.Empty(daprd.Published);

        using var restarted = BuildDaprHost(appId, daprd);
        await restarted.StartAsync(TestContext.Current.CancellationToken);

        await Eventually.HoldsAsync(() => !daprd.Published.IsEmpty, "the restarted relay publishes the event");
        Assert.Equal(eventId, Assert.Single(daprd.Published).Metadata["cloudevent.id"]);
        await Eventually.HoldsAsync(async () => await _db.StreamLengthAsync(EventBusKeys.Outbox(appId)) == 0, "the outbox is empty");
        await restarted.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Entry_stays_in_the_outbox_while_daprd_refuses_it()
    {
        var appId = TestBus.NewAppId("permits");
        var daprd = new CapturingDaprHandler { Unavailable = true };
        using var host = BuildDaprHost(appId, daprd);
        await host.StartAsync(TestContext.Current.CancellationToken);

        await CommitPermitAsync(host, _db, appId, "K3");
        await Eventually.HoldsAsync(() => daprd.Paths.Count(p => p.EndsWith("/PublishEvent", StringComparison.Ordinal)) >= 2, "the relay has tried twice");
        Assert.Equal(1, await _db.StreamLengthAsync(EventBusKeys.Outbox(appId)));

        daprd.Unavailable = false;
        await Eventually.HoldsAsync(() => !daprd.Published.IsEmpty, "the event goes out once daprd is back");
        await Eventually.HoldsAsync(async () => await _db.StreamLengthAsync(EventBusKeys.Outbox(appId)) == 0, "the outbox is empty");
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}
