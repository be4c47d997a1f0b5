using Pilot.EventBus;
using StackExchange.Redis;

namespace Pilot.FactCopies.Tests.Support;

internal static class Streams
{
    /// <summary>True once the app's group has read every entry of registry-events and acknowledged all of them.</summary>
    public static async Task<bool> DrainedAsync(IDatabase db, string appId)
    {
        if (!await db.KeyExistsAsync(RegistryEnvelopes.Topic))
        {
            return false;
        }

        var group = (await db.StreamGroupInfoAsync(RegistryEnvelopes.Topic)).FirstOrDefault(g => g.Name == appId);
        return group.Name is not null && group.PendingMessageCount == 0 && (group.Lag ?? 0) == 0
            && group.LastDeliveredId == (await db.StreamInfoAsync(RegistryEnvelopes.Topic)).LastGeneratedId;
    }

    /// <summary>The app's dead letters of registry-events.</summary>
    public static async Task<StreamEntry[]> DeadLettersAsync(IDatabase db, string appId) =>
        [.. (await db.StreamRangeAsync(PilotTopics.DeadLetterOf(RegistryEnvelopes.Topic))).Where(e => e["appid"] == appId)];

    /// <summary>How often the pending entry has been delivered, 0 when none is pending (or the app has not created its group yet).</summary>
    public static async Task<int> DeliveriesOfPendingAsync(IDatabase db, string appId)
    {
        if (!await db.KeyExistsAsync(RegistryEnvelopes.Topic) || !(await db.StreamGroupInfoAsync(RegistryEnvelopes.Topic)).Any(g => g.Name == appId))
        {
            return 0;
        }

        var pending = await db.StreamPendingMessagesAsync(RegistryEnvelopes.Topic, appId, 10, RedisValue.Null);
        return pending.Length == 0 ? 0 : pending.Max(p => p.DeliveryCount);
    }
}
