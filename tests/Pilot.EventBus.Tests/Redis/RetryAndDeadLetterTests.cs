using Microsoft.Extensions.DependencyInjection;
using Pilot.EventBus.Tests.Support;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.EventBus.Tests.Redis;

public sealed class RetryAndDeadLetterTests(RedisServerFixture redis) : IAsyncLifetime
{
    private static readonly string DeadLetterTopic = PilotTopics.DeadLetterOf(InvoiceIssued.Topic);
    private readonly IDatabase _db = redis.Database;

    public async ValueTask InitializeAsync() => await _db.KeyDeleteAsync([InvoiceIssued.Topic, DeadLetterTopic]);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Failed_message_stays_pending_and_is_retried_until_it_succeeds()
    {
        var appId = TestBus.NewAppId("invoices");
        HandlerProbe probe = null!;
        using var host = TestBus.Build(redis, appId, s => probe = s.AddCountingHandler<InvoiceIssued>(appId));
        probe.FailOn = call => call <= 2 ? new TimeoutException($"downstream busy (call {call})") : null;
        await host.StartAsync(TestContext.Current.CancellationToken);

        await host.Services.GetRequiredService<IEventOutbox>().PublishAsync(new InvoiceIssued("I-1"), TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => probe.Calls >= 1, "the first attempt ran");
        await Eventually.HoldsAsync(async () => (await _db.StreamPendingAsync(InvoiceIssued.Topic, appId)).PendingMessageCount == 1, "the failed message is pending");

        await Eventually.HoldsAsync(() => StreamAssertions.IsDrainedAsync(_db, InvoiceIssued.Topic, appId), "the message is finally acknowledged");
        Assert.Equal(3, probe.Calls);
        Assert.Equal(1, (int)await _db.HashGetAsync(probe.StateKey, "I-1"));
        Assert.False(await _db.KeyExistsAsync(DeadLetterTopic));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Message_failing_every_attempt_moves_to_the_deadletter_topic_with_its_error()
    {
        var appId = TestBus.NewAppId("invoices");
        HandlerProbe probe = null!;
        using var host = TestBus.Build(redis, appId, s => probe = s.AddCountingHandler<InvoiceIssued>(appId), o => o.MaxDeliveryAttempts = 3);
        probe.FailOn = call => new InvalidOperationException($"ledger closed (call {call})");
        await host.StartAsync(TestContext.Current.CancellationToken);

        var eventId = await host.Services.GetRequiredService<IEventOutbox>().PublishAsync(new InvoiceIssued("I-2"), TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(async () => await _db.StreamLengthAsync(DeadLetterTopic) == 1, "the message is dead-lettered");

        var dead = Assert.Single(await _db.StreamRangeAsync(DeadLetterTopic));
        Assert.Contains(eventId, (string)dead["data"]!, StringComparison.Ordinal);
        Assert.Contains("ledger closed (call 3)", (string)dead["error"]!, StringComparison.Ordinal);
        Assert.Equal(3, (int)dead["attempts"]);
        Assert.Equal(3, probe.Calls);
        Assert.True(await StreamAssertions.IsDrainedAsync(_db, InvoiceIssued.Topic, appId));
        Assert.False(await _db.HashExistsAsync(probe.StateKey, "I-2"));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    public static TheoryData<string> PoisonMessages => new()
    {
        "this is not a cloud event",
        // An envelope of the right type that carries no data at all.
        $$"""{"datacontenttype":"application/json","id":"no-data-1","pubsubname":"pubsub","source":"billing","specversion":"1.0","time":"2025-01-02T03:04:05Z","topic":"{{InvoiceIssued.Topic}}","type":"{{InvoiceIssued.EventType}}"}""",
    };

    [Theory]
    [MemberData(nameof(PoisonMessages))]
    public async Task Poison_message_is_dead_lettered_at_once_without_retries(string message)
    {
        var appId = TestBus.NewAppId("invoices");
        HandlerProbe probe = null!;
        using var host = TestBus.Build(redis, appId, s => probe = s.AddCountingHandler<InvoiceIssued>(appId));
        await _db.StreamAddAsync(InvoiceIssued.Topic, "data", message);
        await host.StartAsync(TestContext.Current.CancellationToken);

        await Eventually.HoldsAsync(async () => await _db.StreamLengthAsync(DeadLetterTopic) == 1, "the poison message is dead-lettered");

        var dead = Assert.Single(await _db.StreamRangeAsync(DeadLetterTopic));
        Assert.Equal(message, (string)dead["data"]!);
        Assert.Equal(1, (int)dead["attempts"]);
        Assert.Equal(0, probe.Calls);
        Assert.True(await StreamAssertions.IsDrainedAsync(_db, InvoiceIssued.Topic, appId));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Message_left_pending_by_a_crashed_instance_is_claimed_by_another()
    {
        var appId = TestBus.NewAppId("invoices");
        await _db.StreamCreateConsumerGroupAsync(InvoiceIssued.Topic, appId, "0", createStream: true);
        var json = DaprdEntries.CloudEventJson(Guid.NewGuid().ToString(), InvoiceIssued.EventType, InvoiceIssued.Topic, "filing", new { key = "I-3" });
        await DaprdEntries.AddAsync(_db, InvoiceIssued.Topic, json, InvoiceIssued.EventType);

        // A consumer that read the message and died before acknowledging it.
        var orphaned = await _db.StreamReadGroupAsync(InvoiceIssued.Topic, appId, "crashed-instance", ">", 10);
        Assert.Single(orphaned);

        HandlerProbe probe = null!;
        using var host = TestBus.Build(redis, appId, s => probe = s.AddCountingHandler<InvoiceIssued>(appId));
        await host.StartAsync(TestContext.Current.CancellationToken);

        await Eventually.HoldsAsync(() => StreamAssertions.IsDrainedAsync(_db, InvoiceIssued.Topic, appId), "the orphaned message is handled");
        Assert.Equal(1, (int)await _db.HashGetAsync(probe.StateKey, "I-3"));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}
