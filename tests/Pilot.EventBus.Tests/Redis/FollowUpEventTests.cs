using System.Text.Json;
using Pilot.EventBus.Tests.Support;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.EventBus.Tests.Redis;

public sealed class FollowUpEventTests(RedisServerFixture redis)
{
    private readonly IDatabase _db = redis.Database;

    /// <summary>Answers each due reminder with a sent one, published in the handler's transaction.</summary>
    private sealed class SendOnReminder : IEventHandler<ReminderDue>
    {
        public Task HandleAsync(EventContext<ReminderDue> context, CancellationToken cancellationToken)
        {
            context.Publish(new ReminderSent(context.Event.Key));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Handler_publishes_a_follow_up_event_exactly_once_per_incoming_event()
    {
        var appId = TestBus.NewAppId("reminders");
        await _db.KeyDeleteAsync([ReminderDue.Topic, ReminderSent.Topic]);
        using var host = TestBus.Build(redis, appId, s => s.AddEventHandler<ReminderDue, SendOnReminder>());
        var json = DaprdEntries.CloudEventJson(Guid.NewGuid().ToString(), ReminderDue.EventType, ReminderDue.Topic, "notification", new { key = $"{appId}-R1" });
        await DaprdEntries.AddAsync(_db, ReminderDue.Topic, json, ReminderDue.EventType);
        await DaprdEntries.AddAsync(_db, ReminderDue.Topic, json, ReminderDue.EventType);

        await host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => StreamAssertions.IsDrainedAsync(_db, ReminderDue.Topic, appId), "both deliveries are acknowledged");
        await host.StopAsync(TestContext.Current.CancellationToken);

        var sent = Assert.Single(await _db.StreamRangeAsync(ReminderSent.Topic));
        using var cloudEvent = JsonDocument.Parse((string)sent["data"]!);
        Assert.Equal(ReminderSent.EventType, cloudEvent.RootElement.GetProperty("type").GetString());
        Assert.Equal(appId, cloudEvent.RootElement.GetProperty("source").GetString());
        Assert.Equal($"{appId}-R1", cloudEvent.RootElement.GetProperty("data").GetProperty("key").GetString());
    }
}
