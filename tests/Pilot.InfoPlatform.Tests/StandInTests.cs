using Pilot.InfoPlatform.Tests.Support;
using Pilot.Samples.InfoPlatform;
using Pilot.Samples.InfoPlatform.SidecarStandIn;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Pilot.InfoPlatform.Tests;

/// <summary>The sidecar stand-in plays daprd: deliveries, acknowledgements, retries, dead letters, take-overs.</summary>
public sealed class StandInTests(RedisServerFixture redis) : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.For<StandInTests>(redis);

    private IDatabase Db => _database.Db;

    public async ValueTask InitializeAsync() => await _database.FlushAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Each_cloudevent_is_posted_to_its_route_as_a_structured_cloudevent_and_acknowledged_on_SUCCESS()
    {
        await using var probe = await ProbeApp.StartAsync(_database, "--APP_API_TOKEN=sidecar-secret");
        string[] ids = ["e-1", "e-2", "e-3"];
        foreach (var id in ids)
        {
            await ProbeApp.PublishAsync(Db, id, "SUCCESS");
        }

        await Eventually.HoldsAsync(() => probe.Deliveries.Count == 3, "the three events are delivered");
        await Eventually.HoldsAsync(() => _database.AllAcknowledgedAsync(ProbeApp.Topic, ProbeApp.AppId), "all three are acknowledged");
        Assert.Equal(ids, probe.Deliveries.Select(d => d.EventId));
        Assert.All(probe.Deliveries, d =>
        {
            Assert.StartsWith("application/cloudevents+json", d.ContentType, StringComparison.Ordinal);
            Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", d.TraceParent);
            Assert.Equal("sidecar-secret", d.ApiToken);
        });
        var group = Assert.Single(await Db.StreamGroupInfoAsync(ProbeApp.Topic));
        Assert.Equal(ProbeApp.AppId, group.Name);
    }

    [Fact]
    public async Task RETRY_is_delivered_again_after_a_backoff_until_SUCCESS()
    {
        await using var probe = await ProbeApp.StartAsync(_database);
        await ProbeApp.PublishAsync(Db, "flaky", "RETRY", "RETRY", "SUCCESS");
        await ProbeApp.PublishAsync(Db, "steady", "SUCCESS");

        await Eventually.HoldsAsync(() => probe.Of("flaky").Count == 3, "the flaky event is delivered three times");
        await Eventually.HoldsAsync(() => _database.AllAcknowledgedAsync(ProbeApp.Topic, ProbeApp.AppId), "both are acknowledged");
        var flaky = probe.Of("flaky");
        // Backoff 100 ms, then 200 ms (InitialRetryDelay doubling); allow for the clock's granularity.
        Assert.True(flaky[1].At - flaky[0].At >= TimeSpan.FromMilliseconds(80), $"second delivery {(flaky[1].At - flaky[0].At).TotalMilliseconds} ms after the first");
        Assert.True(flaky[2].At - flaky[1].At >= TimeSpan.FromMilliseconds(160), $"third delivery {(flaky[2].At - flaky[1].At).TotalMilliseconds} ms after the second");
        // A retried event does not hold up the ones behind it.
        Assert.Single(probe.Of("steady"));
        Assert.Equal(0, await Db.StreamLengthAsync(ProbeApp.DeadLetterTopic));
    }

    [Fact]
    public async Task DROP_is_acknowledged_and_never_delivered_again()
    {
        await using var probe = await ProbeApp.StartAsync(_database);
        await ProbeApp.PublishAsync(Db, "poison", "DROP");
        await ProbeApp.PublishAsync(Db, "after", "SUCCESS");

        await Eventually.HoldsAsync(() => _database.AllAcknowledgedAsync(ProbeApp.Topic, ProbeApp.AppId), "both are acknowledged");
        Assert.Single(probe.Of("poison"));
        Assert.Equal(0, await Db.StreamLengthAsync(ProbeApp.DeadLetterTopic));
    }

    [Fact]
    public async Task A_non_2xx_answer_is_retried_and_after_the_last_attempt_the_entry_goes_to_the_dead_letter_topic()
    {
        await using var probe = await ProbeApp.StartAsync(_database, "--InfoPlatform:StandIn:MaxDeliveryAttempts=3");
        var entryId = await ProbeApp.PublishAsync(Db, "failing", "500");

        await Eventually.HoldsAsync(async () => await Db.StreamLengthAsync(ProbeApp.DeadLetterTopic) == 1, "the entry is dead-lettered");
        Assert.Equal(3, probe.Of("failing").Count);
        Assert.Equal(0, await _database.PendingAsync(ProbeApp.Topic, ProbeApp.AppId));
        var dead = Assert.Single(await Db.StreamRangeAsync(ProbeApp.DeadLetterTopic));
        Assert.Equal("3", dead["attempts"].ToString());
        Assert.Equal(entryId, dead["originalid"].ToString());
        Assert.Equal(ProbeApp.AppId, dead["appid"].ToString());
        Assert.Equal("HTTP 500", dead["error"].ToString());
        Assert.Contains("\"id\":\"failing\"", dead["data"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_404_from_the_route_is_dropped_as_daprd_drops_it()
    {
        await using var probe = await ProbeApp.StartAsync(_database);
        await ProbeApp.PublishAsync(Db, "unrouted", "404");

        await Eventually.HoldsAsync(() => _database.AllAcknowledgedAsync(ProbeApp.Topic, ProbeApp.AppId), "the entry is acknowledged");
        Assert.Single(probe.Of("unrouted"));
        Assert.Equal(0, await Db.StreamLengthAsync(ProbeApp.DeadLetterTopic));
    }

    [Fact]
    public async Task Entries_left_pending_by_a_consumer_that_died_are_taken_over_once_idle_past_the_processing_timeout()
    {
        await Db.StreamCreateConsumerGroupAsync(ProbeApp.Topic, ProbeApp.AppId, StreamPosition.Beginning, createStream: true);
        await ProbeApp.PublishAsync(Db, "orphan", "SUCCESS");
        // A consumer of the same app reads the entry and dies before answering.
        var read = await Db.StreamReadGroupAsync(ProbeApp.Topic, ProbeApp.AppId, "died", ">", 10);
        Assert.Single(read);

        await using var probe = await ProbeApp.StartAsync(_database);
        await Eventually.HoldsAsync(() => probe.Of("orphan").Count == 1, "the orphaned entry is delivered");
        await Eventually.HoldsAsync(async () => await _database.PendingAsync(ProbeApp.Topic, ProbeApp.AppId) == 0, "and acknowledged");
    }

    [Fact]
    public async Task With_a_daprd_configured_the_stand_in_is_not_added_and_the_app_declares_its_subscription()
    {
        var port = LoopbackPorts.ForImmediateUse();
        await using var app = InfoPlatformApp.Build([.. PlatformHost.StandInSettings(_database, port), "--DAPR_HTTP_PORT=3500", "--DAPR_GRPC_PORT=50001"]);
        Assert.Null(app.Services.GetService<RedisStreamsSidecar>());
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var subscriptions = DaprSubscriptions.Parse(await http.GetStringAsync("dapr/subscribe", TestContext.Current.CancellationToken));
        var subscription = Assert.Single(subscriptions);
        Assert.Equal(new DaprSubscription("pubsub", "publication-events", InfoPlatformApp.EventRoute.TrimStart('/'), "publication-events-deadletter"), subscription);
        await app.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await Db.StreamLengthAsync("publication-events"));
    }
}
