using StackExchange.Redis;

namespace Pilot.FactCopies;

/// <summary>A copy as read before changing it: its JSON, and the position fields exactly as stored, for the write's condition.</summary>
internal sealed record StoredCopy(string Json, RedisValue TimeText, RedisValue EventId)
{
    public EventPosition Position { get; } = EventPosition.Read(TimeText, EventId);
}
