using StackExchange.Redis;

namespace Pilot.EventBus;

/// <summary>
/// Writes that commit atomically, guarded by conditions on what was read: the steps of a
/// <see cref="ConditionalCommit"/>, and what an event handler hands the bus to commit with its dedupe marker.
/// </summary>
public interface IStateWrites
{
    /// <summary>The commit holds only if <paramref name="key"/> does not exist.</summary>
    void Absent(string key);

    /// <summary>The commit holds only if the string at <paramref name="key"/> equals <paramref name="value"/>.</summary>
    void StringEquals(string key, RedisValue value);

    /// <summary>The commit holds only if the hash field equals <paramref name="value"/>.</summary>
    void HashFieldEquals(string key, string field, RedisValue value);

    /// <summary>
    /// Sets <paramref name="key"/> to <paramref name="value"/> (expiring after <paramref name="expiry"/>, whole seconds)
    /// only if it is absent; when it is not, the commit fails like a failed condition.
    /// </summary>
    void Claim(string key, RedisValue value, TimeSpan? expiry = null);

    /// <summary>Any Redis write command on <paramref name="key"/>, e.g. <c>Write("HSET", key, field, value)</c>.</summary>
    void Write(string command, string key, params RedisValue[] values);

    /// <summary>Appends an event from <see cref="IEventOutbox.Prepare"/>, exactly as daprd's component would.</summary>
    void Append(PreparedEvent evt);
}
