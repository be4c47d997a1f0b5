using StackExchange.Redis;

namespace Pilot.EventBus.Redis;

/// <summary>A stream entry as read from a topic, reduced to the fields Dapr's layout defines.</summary>
internal sealed record ReceivedEntry(string Topic, RedisValue Id, RedisValue Data, RedisValue Metadata)
{
    public static ReceivedEntry From(string topic, StreamEntry entry) =>
        new(topic, entry.Id, entry[StreamFields.Data], entry[StreamFields.Metadata]);
}
