using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Pilot.EventBus.Diagnostics;
using Pilot.EventBus.Redis;
using Pilot.EventBus.Tests.Support;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.EventBus.Tests.Redis;

/// <summary>After a fix, an operator lists what was given up and re-drives it; it is then handled once.</summary>
public sealed class DeadLetterReplayTests(RedisServerFixture redis) : IAsyncLifetime
{
    private static readonly string DeadLetterTopic = PilotTopics.DeadLetterOf(NoticeSent.Topic);

    private readonly IDatabase _db = redis.Database;

    public async ValueTask InitializeAsync() => await _db.KeyDeleteAsync([NoticeSent.Topic, DeadLetterTopic]);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_dead_letter_is_listed_with_its_event_error_and_app_and_once_replayed_is_handled_once()
    {
        var appId = TestBus.NewAppId("notices");
        HandlerProbe probe = null!;
        using var host = TestBus.Build(redis, appId, s => probe = s.AddCountingHandler<NoticeSent>(appId), o => o.MaxDeliveryAttempts = 2);
        var broken = true;
        probe.FailOn = _ => Volatile.Read(ref broken) ? new InvalidOperationException("mail relay refused") : null;
        await host.StartAsync(TestContext.Current.CancellationToken);

        var eventId = await host.Services.GetRequiredService<IEventOutbox>().PublishAsync(new NoticeSent("N-1"), TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(async () => await _db.StreamLengthAsync(DeadLetterTopic) == 1, "the message is dead-lettered");

        var monitor = host.Services.GetServices<IHostedService>().OfType<EventBusMonitor>().Single();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        await monitor.SampleAsync();
        Assert.Equal(1L, (await health.CheckHealthAsync(TestContext.Current.CancellationToken)).Entries["eventbus"].Data[$"deadLetters:{NoticeSent.Topic}"]);

        var dead = Assert.Single(await DeadLetterQueue.ListAsync(_db, NoticeSent.Topic));
        Assert.Equal((eventId, NoticeSent.EventType, 2L, appId), (dead.EventId, dead.EventType, dead.Attempts, dead.AppId));
        Assert.Contains("mail relay refused", dead.Error, StringComparison.Ordinal);
        Assert.NotNull(dead.OriginalId);

        Volatile.Write(ref broken, false);
        var replayed = await DeadLetterQueue.ReplayAsync(_db, NoticeSent.Topic, dead.Id);
        Assert.NotNull(replayed);
        await Eventually.HoldsAsync(async () => (int)await _db.HashGetAsync(probe.StateKey, "N-1") == 1, "the replayed message is handled");
        await Eventually.HoldsAsync(() => StreamAssertions.IsDrainedAsync(_db, NoticeSent.Topic, appId), "the replayed entry is acknowledged");

        Assert.Empty(await DeadLetterQueue.ListAsync(_db, NoticeSent.Topic));
        Assert.Null(await DeadLetterQueue.ReplayAsync(_db, NoticeSent.Topic, dead.Id));
        await monitor.SampleAsync();
        Assert.Equal(0L, (await health.CheckHealthAsync(TestContext.Current.CancellationToken)).Entries["eventbus"].Data[$"deadLetters:{NoticeSent.Topic}"]);

        // Replayed again by mistake (as if the entry had been copied back): the event's marker makes it a duplicate.
        await _db.StreamAddAsync(DeadLetterTopic, [new NameValueEntry("data", (await _db.StreamRangeAsync(NoticeSent.Topic, replayed, replayed)).Single()["data"]), new NameValueEntry("error", "copied")]);
        var copy = Assert.Single(await DeadLetterQueue.ListAsync(_db, NoticeSent.Topic));
        await DeadLetterQueue.ReplayAsync(_db, NoticeSent.Topic, copy.Id);
        await Eventually.HoldsAsync(() => StreamAssertions.IsDrainedAsync(_db, NoticeSent.Topic, appId), "the second replay is acknowledged");
        Assert.Equal(1, (int)await _db.HashGetAsync(probe.StateKey, "N-1"));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_dead_letter_without_a_message_is_not_replayed()
    {
        var id = await _db.StreamAddAsync(DeadLetterTopic, [new NameValueEntry("data", ""), new NameValueEntry("error", "PoisonEventException: no data"), new NameValueEntry("attempts", 1)]);

        var listed = Assert.Single(await DeadLetterQueue.ListAsync(_db, NoticeSent.Topic));
        Assert.Null(listed.EventId);
        await Assert.ThrowsAsync<InvalidOperationException>(() => DeadLetterQueue.ReplayAsync(_db, NoticeSent.Topic, id.ToString()));
        Assert.Equal(1, await _db.StreamLengthAsync(DeadLetterTopic));
        Assert.False(await _db.KeyExistsAsync(NoticeSent.Topic));
    }
}
