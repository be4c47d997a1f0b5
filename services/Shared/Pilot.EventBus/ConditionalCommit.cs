using StackExchange.Redis;

namespace Pilot.EventBus;

/// <summary>
/// A state change and its events as one Lua script: the conditions (a key absent, a string or a hash
/// field equal to what was read) are checked, the claims (keys set only if absent) made, and the writes
/// and event appends applied in one atomic step, in one round trip. A WATCH-conditioned MULTI/EXEC gives the same guarantee, but
/// StackExchange.Redis checks its conditions in an extra round trip while holding the shared
/// connection, so concurrent commands queue behind each other. The outbox's counterpart of
/// <see cref="IEventOutbox.Enlist{TEvent}"/> for services that commit this way.
/// </summary>
public sealed class ConditionalCommit
{
    /// <summary>Keys of one commit, and values of one step, are counted in single bytes of the plan.</summary>
    public const int MaxKeys = byte.MaxValue;

    // ARGV[1] is the plan, one byte per number: the condition count, then per condition its kind ('a' absent, 's' string
    // equals, 'e' hash field equals) and key (an index into KEYS); the claim count, then per claim its key and whether it
    // expires; the write count, then per write its key and value count. The other ARGV entries are consumed in plan order:
    // each condition's operands, each claim's value (and seconds), then each write's command followed by its values, so
    // the script reads them with unpack() and never converts a number from text. (Parsing numbers with tonumber() and
    // building an argument table per write cost more Redis time than the writes themselves.) A claim is SET NX: one call
    // where a condition plus a write would take two; a failed claim undoes the claims before it, so nothing is written.
    private const string Script = """
        local plan = {string.byte(ARGV[1], 1, -1)}
        local p, v = 2, 2
        for _ = 1, plan[1] do
          local kind, key = plan[p], KEYS[plan[p + 1]]
          p = p + 2
          if kind == 97 then
            if redis.call('EXISTS', key) == 1 then return 0 end
          elseif kind == 115 then
            if redis.call('GET', key) ~= ARGV[v] then return 0 end
            v = v + 1
          else
            if redis.call('HGET', key, ARGV[v]) ~= ARGV[v + 1] then return 0 end
            v = v + 2
          end
        end
        local claims, claimed = plan[p], {}
        p = p + 1
        for c = 1, claims do
          local key, expires = KEYS[plan[p]], plan[p + 1] == 1
          p = p + 2
          local ok
          if expires then
            ok = redis.call('SET', key, ARGV[v], 'NX', 'EX', ARGV[v + 1])
            v = v + 2
          else
            ok = redis.call('SET', key, ARGV[v], 'NX')
            v = v + 1
          end
          if not ok then
            for u = 1, c - 1 do redis.call('DEL', claimed[u]) end
            return 0
          end
          claimed[c] = key
        end
        local writes = plan[p]
        p = p + 1
        for _ = 1, writes do
          local key, count = KEYS[plan[p]], plan[p + 1]
          p = p + 2
          redis.call(ARGV[v], key, unpack(ARGV, v + 1, v + count))
          v = v + count + 1
        end
        return 1
        """;

    private readonly List<RedisKey> keys = [];
    private readonly Dictionary<string, int> keyIndex = new(StringComparer.Ordinal);
    private readonly List<byte> conditionPlan = [];
    private readonly List<RedisValue> conditionValues = [];
    private readonly List<byte> claimPlan = [];
    private readonly List<RedisValue> claimValues = [];
    private readonly List<byte> writePlan = [];
    private readonly List<RedisValue> writeValues = [];
    private readonly List<PreparedEvent> events = [];

    public void Absent(string key) => Condition('a', key);

    public void StringEquals(string key, RedisValue value)
    {
        Condition('s', key);
        conditionValues.Add(value);
    }

    public void HashFieldEquals(string key, string field, RedisValue value)
    {
        Condition('e', key);
        conditionValues.Add(field);
        conditionValues.Add(value);
    }

    /// <summary>
    /// Sets <paramref name="key"/> to <paramref name="value"/> (expiring after <paramref name="expiry"/>, whole seconds)
    /// only if it is absent; when it is not, the commit fails like a failed condition.
    /// </summary>
    public void Claim(string key, RedisValue value, TimeSpan? expiry = null)
    {
        claimPlan.Add(Key(key));
        claimPlan.Add(expiry is null ? (byte)0 : (byte)1);
        claimValues.Add(value);
        if (expiry is { } ttl)
        {
            claimValues.Add(Math.Max(1, (long)ttl.TotalSeconds));
        }
    }

    public void Write(string command, string key, params RedisValue[] values)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length > byte.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(values), $"a write takes at most {byte.MaxValue} values; split '{command}' in several");
        }

        writePlan.Add(Key(key));
        writePlan.Add((byte)values.Length);
        writeValues.Add(command);
        writeValues.AddRange(values);
    }

    /// <summary>Appends an event from <see cref="IEventOutbox.Prepare"/>, exactly as daprd's component would.</summary>
    public void Append(PreparedEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        Write("XADD", evt.Stream, evt.MaxLength is { } max ? ["MAXLEN", "~", max, "*", "data", evt.Data] : ["*", "data", evt.Data]);
        events.Add(evt);
    }

    /// <summary>True when every condition held and everything was written; then the appended events count as published.</summary>
    public async Task<bool> ExecuteAsync(IDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var result = await database.ScriptEvaluateAsync(Script, [.. keys], Arguments()).ConfigureAwait(false);
        if ((int)result != 1)
        {
            return false;
        }

        events.ForEach(evt => evt.Committed());
        return true;
    }

    private RedisValue[] Arguments()
    {
        var conditionCount = conditionPlan.Count / 2;
        var claimCount = claimPlan.Count / 2;
        var writeCount = writePlan.Count / 2;
        if (conditionCount > byte.MaxValue || claimCount > byte.MaxValue || writeCount > byte.MaxValue)
        {
            throw new InvalidOperationException($"a commit holds at most {byte.MaxValue} conditions, {byte.MaxValue} claims and {byte.MaxValue} writes");
        }

        var plan = new byte[3 + conditionPlan.Count + claimPlan.Count + writePlan.Count];
        var at = 0;
        plan[at++] = (byte)conditionCount;
        conditionPlan.CopyTo(plan, at);
        at += conditionPlan.Count;
        plan[at++] = (byte)claimCount;
        claimPlan.CopyTo(plan, at);
        at += claimPlan.Count;
        plan[at++] = (byte)writeCount;
        writePlan.CopyTo(plan, at);

        var arguments = new RedisValue[1 + conditionValues.Count + claimValues.Count + writeValues.Count];
        arguments[0] = plan;
        conditionValues.CopyTo(arguments, 1);
        claimValues.CopyTo(arguments, 1 + conditionValues.Count);
        writeValues.CopyTo(arguments, 1 + conditionValues.Count + claimValues.Count);
        return arguments;
    }

    private void Condition(char kind, string key)
    {
        conditionPlan.Add((byte)kind);
        conditionPlan.Add(Key(key));
    }

    /// <summary>The key's 1-based index into KEYS.</summary>
    private byte Key(string key)
    {
        if (!keyIndex.TryGetValue(key, out var index))
        {
            if (keys.Count == MaxKeys)
            {
                throw new InvalidOperationException($"a commit touches at most {MaxKeys} keys");
            }

            keys.Add(key);
            index = keyIndex[key] = keys.Count;
        }

        return (byte)index;
    }
}
