using StackExchange.Redis;

namespace Pilot.Storage;

/// <summary>The recorded steps of one commit, in the order given; the commit scripts encode them.</summary>
internal sealed class CommitSteps : IStateWrites
{
    public List<Condition> Conditions { get; } = [];

    public List<Claimed> Claims { get; } = [];

    public List<Written> Writes { get; } = [];

    /// <summary>What to run once the steps have committed (an event counted as published, a relay woken).</summary>
    public List<Action> AfterCommit { get; } = [];

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
        Claims.Add(new Claimed(key, value, expiry is { } ttl ? Seconds(ttl) : null));

    public void StringSet(string key, RedisValue value, TimeSpan? expiry = null) =>
        Write("SET", key, expiry is { } ttl ? [value, "EX", Seconds(ttl)] : [value]);

    public void Increment(string key) => Write("INCR", key);

    public void Delete(string key) => Write("DEL", key);

    public void HashSet(string key, params IReadOnlyList<HashEntry> fields)
    {
        var values = new RedisValue[fields.Count * 2];
        for (var i = 0; i < fields.Count; i++)
        {
            values[2 * i] = fields[i].Name;
            values[(2 * i) + 1] = fields[i].Value;
        }

        Write("HSET", key, values);
    }

    public void HashSetIfAbsent(string key, string field, RedisValue value) => Write("HSETNX", key, field, value);

    public void HashDelete(string key, params IReadOnlyList<string> fields) => Write("HDEL", key, [.. fields.Select(field => (RedisValue)field)]);

    public void HashIncrement(string key, string field, long by = 1) => Write("HINCRBY", key, field, by);

    public void SortedSetAdd(string key, string member, double score, bool onlyIfNew = false) =>
        Write("ZADD", key, onlyIfNew ? ["NX", score, member] : [score, member]);

    public void SortedSetRemove(string key, string member) => Write("ZREM", key, member);

    public void ListRightPush(string key, RedisValue value) => Write("RPUSH", key, value);

    public void StreamAdd(string key, long? maxLength, params IReadOnlyList<NameValueEntry> fields)
    {
        var values = new List<RedisValue>((fields.Count * 2) + 4);
        if (maxLength is { } max)
        {
            values.AddRange(["MAXLEN", "~", max]);
        }

        values.Add("*");
        foreach (var field in fields)
        {
            values.Add(field.Name);
            values.Add(field.Value);
        }

        Write("XADD", key, [.. values]);
    }

    public void OnCommitted(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        AfterCommit.Add(action);
    }

    /// <summary>Any Redis write command: for the transport's own steps (acknowledgements), never for callers' state.</summary>
    internal void Write(string command, string key, params RedisValue[] values)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length > byte.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(values), $"a write takes at most {byte.MaxValue} values; split '{command}' in several");
        }

        Writes.Add(new Written(command, key, values));
    }

    private static long Seconds(TimeSpan ttl) => Math.Max(1, (long)ttl.TotalSeconds);

    /// <param name="Kind">'a' absent, 's' string equals, 'e' hash field equals.</param>
    internal sealed record Condition(char Kind, string Key, RedisValue[] Values);

    internal sealed record Claimed(string Key, RedisValue Value, long? Seconds);

    internal sealed record Written(string Command, string Key, RedisValue[] Values);
}
