using System.Text.Json;
using StackExchange.Redis;

namespace Pilot.Filing.Storage;

/// <summary>
/// A filing change as one Lua script: the conditions (a key absent, a hash field equal to what was read) are
/// checked and the writes applied in one atomic step, in one round trip. A WATCH-conditioned MULTI/EXEC gives
/// the same guarantee, but StackExchange.Redis checks its conditions in an extra round trip while holding the
/// shared connection, so concurrent decisions queue behind each other.
/// </summary>
internal sealed class FilingCommitScript
{
    // ARGV[1] is the plan: c = [["absent", key] | ["equals", key, field arg, value arg]],
    // w = [[command, key, arg...]]. Every value travels as its own ARGV entry, byte for byte.
    private const string Script = """
        local plan = cjson.decode(ARGV[1])
        for _, c in ipairs(plan.c) do
          if c[1] == 'absent' then
            if redis.call('EXISTS', KEYS[c[2]]) == 1 then return 0 end
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
    private readonly List<object[]> conditions = [];
    private readonly List<object[]> writes = [];

    public void Absent(string key) => conditions.Add(["absent", Key(key)]);

    public void HashFieldEquals(string key, string field, RedisValue value) => conditions.Add(["equals", Key(key), Arg(field), Arg(value)]);

    public void Write(string command, string key, params RedisValue[] values) =>
        writes.Add([command, Key(key), .. values.Select(value => (object)Arg(value))]);

    public async Task<bool> ExecuteAsync(IDatabase database)
    {
        args[0] = JsonSerializer.Serialize(new { c = conditions, w = writes });
        var result = await database.ScriptEvaluateAsync(Script, [.. keys], [.. args]);
        return (int)result == 1;
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
