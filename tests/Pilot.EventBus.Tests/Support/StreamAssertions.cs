using StackExchange.Redis;

namespace Pilot.EventBus.Tests.Support;

internal static class StreamAssertions
{
    /// <summary>True once the group has read everything and acknowledged all of it.</summary>
    public static async Task<bool> IsDrainedAsync(IDatabase db, string topic, string group)
    {
        if (!await db.KeyExistsAsync(topic))
        {
            return false;
        }

        var info = (await db.StreamGroupInfoAsync(topic)).FirstOrDefault(g => g.Name == group);
        return info.Name is not null && info.PendingMessageCount == 0 && (info.Lag ?? 0) == 0
            && info.LastDeliveredId == (await db.StreamInfoAsync(topic)).LastGeneratedId;
    }
}
