using System.Text.Json;
using Pilot.EventBus;
using StackExchange.Redis;

namespace Pilot.Registry.Storage;

/// <summary>
/// Commits a decision in one round trip: a Lua script checks that every key the decision read still
/// holds what was read, then writes the records, indexes, events and the stored answer. Redis runs a
/// script alone, so the check and the writes are one atomic step — the same guarantee as
/// WATCH/MULTI/EXEC, without the extra round trips StackExchange.Redis needs to check conditions.
/// </summary>
internal static class RegistryCommitScript
{
    // ops: c = [key index, expected value or null], s = [key index, value, ttl seconds or 0],
    // z / r = [key index, member] to add to / remove from a sorted index, x = [key index, ARGV index of the envelope, maxlen or 0]
    // (envelopes travel as their own arguments, byte for byte).
    private const string Script = """
        local ops = cjson.decode(ARGV[1])
        for _, c in ipairs(ops.c) do
          local current = redis.call('GET', KEYS[c[1]])
          if c[2] == cjson.null then
            if current then return 0 end
          elseif current ~= c[2] then
            return 0
          end
        end
        for _, s in ipairs(ops.s) do
          if s[3] > 0 then redis.call('SET', KEYS[s[1]], s[2], 'EX', s[3]) else redis.call('SET', KEYS[s[1]], s[2]) end
        end
        for _, z in ipairs(ops.z) do redis.call('ZADD', KEYS[z[1]], 0, z[2]) end
        for _, r in ipairs(ops.r) do redis.call('ZREM', KEYS[r[1]], r[2]) end
        for _, x in ipairs(ops.x) do
          if x[3] > 0 then
            redis.call('XADD', KEYS[x[1]], 'MAXLEN', '~', x[3], '*', 'data', ARGV[x[2]])
          else
            redis.call('XADD', KEYS[x[1]], '*', 'data', ARGV[x[2]])
          end
        end
        return 1
        """;

    public static async Task<bool> CommitAsync(
        IDatabase database,
        IReadOnlyDictionary<string, RedisValue> reads,
        RegistryChangeSet changes,
        IReadOnlyList<PreparedEvent> events,
        (string Key, string Value, TimeSpan Ttl) answer)
    {
        var keys = new List<RedisKey>();
        var keyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        int Key(string key)
        {
            if (!keyIndex.TryGetValue(key, out var index))
            {
                keys.Add(key);
                index = keyIndex[key] = keys.Count;
            }

            return index;
        }

        var ops = new
        {
            c = reads.Select(read => new object?[] { Key(read.Key), read.Value.IsNull ? null : read.Value.ToString() }).ToArray(),
            s = changes.Sets.Select(set => new object[] { Key(set.Key), set.Value, 0 })
                .Append([Key(answer.Key), answer.Value, (int)answer.Ttl.TotalSeconds]).ToArray(),
            z = changes.Indexed.Select(z => new object[] { Key(z.Index), z.Member }).ToArray(),
            r = changes.Unindexed.Select(r => new object[] { Key(r.Index), r.Member }).ToArray(),
            x = events.Select((e, i) => new object[] { Key(e.Stream), i + 2, e.MaxLength ?? 0 }).ToArray(),
        };

        var result = await database.ScriptEvaluateAsync(Script, [.. keys], [JsonSerializer.Serialize(ops), .. events.Select(e => (RedisValue)e.Data)]).ConfigureAwait(false);
        return (int)result == 1;
    }
}
