using StackExchange.Redis;

namespace Pilot.EventBus.Redis;

internal static class ConsumerGroups
{
    /// <summary>XGROUP CREATE &lt;topic&gt; &lt;appId&gt; 0 MKSTREAM, as daprd does; an existing group is fine.</summary>
    public static async Task EnsureAsync(IDatabase db, string group, IEnumerable<string> topics)
    {
        foreach (var topic in topics)
        {
            try
            {
                await db.StreamCreateConsumerGroupAsync(topic, group, "0", createStream: true);
            }
            catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
            {
            }
        }
    }
}
