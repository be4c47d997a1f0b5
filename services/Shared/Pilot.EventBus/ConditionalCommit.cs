using System.Buffers;
using System.Text.Json;
using StackExchange.Redis;

namespace Pilot.EventBus;

/// <summary>
/// A state change and its events as one Lua script: the conditions (a key absent, a string or a hash
/// field equal to what was read) are checked and the writes and event appends applied in one atomic
/// step, in one round trip. A WATCH-conditioned MULTI/EXEC gives the same guarantee, but
/// StackExchange.Redis checks its conditions in an extra round trip while holding the shared
/// connection, so concurrent commands queue behind each other. The outbox's counterpart of
/// <see cref="IEventOutbox.Enlist{TEvent}"/> for services that commit this way.
/// </summary>
public sealed class ConditionalCommit
{
    // ARGV[1] is the plan: c = [["absent", key] | ["string", key, value arg] | ["equals", key, field arg, value arg]],
    // w = [[command, key, arg...]]. Every value travels as its own ARGV entry, byte for byte.
    private const string Script = """
        local plan = cjson.decode(ARGV[1])
        for _, c in ipairs(plan.c) do
          if c[1] == 'absent' then
            if redis.call('EXISTS', KEYS[c[2]]) == 1 then return 0 end
          elseif c[1] == 'string' then
            if redis.call('GET', KEYS[c[2]]) ~= ARGV[c[3]] then return 0 end
          elseif redis.call('HGET', KEYS[c[2]], ARGV[c[3]]) ~= ARGV[c[4]] then
            return 0
          end
        end
        for _, w in ipairs(plan.w) do
          local args = {}
          for i = 3, #w do args[#args + 1] = ARGV[w[i]] end
          redis.call(w[1], KEYS[w[2]], unpack(args))
        end
        return 1
        """;

    private readonly List<RedisKey> keys = [];
    private readonly Dictionary<string, int> keyIndex = new(StringComparer.Ordinal);
    private readonly List<RedisValue> args = [RedisValue.Null];
    private readonly List<(string Kind, int[] Indexes)> conditions = [];
    private readonly List<(string Command, int[] Indexes)> writes = [];
    private readonly List<PreparedEvent> events = [];

    public void Absent(string key) => conditions.Add(("absent", [Key(key)]));

    public void StringEquals(string key, RedisValue value) => conditions.Add(("string", [Key(key), Arg(value)]));

    public void HashFieldEquals(string key, string field, RedisValue value) => conditions.Add(("equals", [Key(key), Arg(field), Arg(value)]));

    public void Write(string command, string key, params RedisValue[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var indexes = new int[values.Length + 1];
        indexes[0] = Key(key);
        for (var i = 0; i < values.Length; i++)
        {
            indexes[i + 1] = Arg(values[i]);
        }

        writes.Add((command, indexes));
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
        args[0] = Plan();
        var result = await database.ScriptEvaluateAsync(Script, [.. keys], [.. args]).ConfigureAwait(false);
        if ((int)result != 1)
        {
            return false;
        }

        events.ForEach(evt => evt.Committed());
        return true;
    }

    /// <summary>The plan as the script reads it, written by hand: it is on every commit's path.</summary>
    private byte[] Plan()
    {
        var buffer = new ArrayBufferWriter<byte>(64 + (16 * (conditions.Count + writes.Count)));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteSteps(json, "c", conditions);
            WriteSteps(json, "w", writes);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteSteps(Utf8JsonWriter json, string name, List<(string Name, int[] Indexes)> steps)
    {
        json.WriteStartArray(name);
        foreach (var (stepName, indexes) in steps)
        {
            json.WriteStartArray();
            json.WriteStringValue(stepName);
            foreach (var index in indexes)
            {
                json.WriteNumberValue(index);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    private int Key(string key)
    {
        if (!keyIndex.TryGetValue(key, out var index))
        {
            keys.Add(key);
            index = keyIndex[key] = keys.Count;
        }

        return index;
    }

    private int Arg(RedisValue value)
    {
        args.Add(value);
        return args.Count;
    }
}
