using StackExchange.Redis;

namespace Pilot.EventBus;

/// <summary>The recorded steps of one commit, in the order given; the commit scripts encode them.</summary>
internal sealed class CommitSteps : IStateWrites
{
    public List<Condition> Conditions { get; } = [];

    public List<Claimed> Claims { get; } = [];

    public List<Written> Writes { get; } = [];

    public List<PreparedEvent> Events { get; } = [];

    /// <summary>At most this many distinct keys: one per step (steps may share keys).</summary>
    public int KeyBound => Conditions.Count + Claims.Count + Writes.Count;

    /// <summary>The values a plan of these steps carries besides the plan itself (condition operands, claims, writes).</summary>
    public int ValueCount
    {
        get
        {
            var count = 0;
            foreach (var condition in Conditions)
            {
                count += condition.Values.Length;
            }

            foreach (var claim in Claims)
            {
                count += claim.Seconds is null ? 1 : 2;
            }

            foreach (var write in Writes)
            {
                count += 1 + write.Values.Length;
            }

            return count;
        }
    }

    public void Absent(string key) => Conditions.Add(new Condition('a', key, []));

    public void StringEquals(string key, RedisValue value) => Conditions.Add(new Condition('s', key, [value]));

    public void HashFieldEquals(string key, string field, RedisValue value) => Conditions.Add(new Condition('e', key, [field, value]));

    public void Claim(string key, RedisValue value, TimeSpan? expiry = null) =>
        Claims.Add(new Claimed(key, value, expiry is { } ttl ? Math.Max(1, (long)ttl.TotalSeconds) : null));

    public void Write(string command, string key, params RedisValue[] values)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length > byte.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(values), $"a write takes at most {byte.MaxValue} values; split '{command}' in several");
        }

        Writes.Add(new Written(command, key, values));
    }

    public void Append(PreparedEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        Write("XADD", evt.Stream, evt.MaxLength is { } max ? ["MAXLEN", "~", max, "*", "data", evt.Data] : ["*", "data", evt.Data]);
        Events.Add(evt);
    }

    /// <param name="Kind">'a' absent, 's' string equals, 'e' hash field equals.</param>
    internal sealed record Condition(char Kind, string Key, RedisValue[] Values);

    internal sealed record Claimed(string Key, RedisValue Value, long? Seconds);

    internal sealed record Written(string Command, string Key, RedisValue[] Values);
}
