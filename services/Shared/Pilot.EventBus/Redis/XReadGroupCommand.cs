using StackExchange.Redis;

namespace Pilot.EventBus.Redis;

/// <summary>
/// XREADGROUP with BLOCK, which StackExchange.Redis has no typed method for (it would stall a shared
/// multiplexer). Only ever sent on the consumer's own connection.
/// </summary>
internal static class XReadGroupCommand
{
    public static object[] Arguments(string group, string consumer, int count, TimeSpan block, IReadOnlyList<string> topics)
    {
        var args = new List<object>(8 + (topics.Count * 2))
        {
            "GROUP", group, consumer, "COUNT", count, "BLOCK", (long)block.TotalMilliseconds, "STREAMS",
        };
        args.AddRange(topics);
        args.AddRange(topics.Select(_ => (object)">"));
        return [.. args];
    }

    /// <summary>
    /// Reply shape: nil on timeout, else [[topic, [[id, [field, value, ...]], ...]], ...] — or, on a RESP3 connection
    /// (<c>protocol=resp3</c> in the connection string), a map of topic to entries.
    /// </summary>
    public static List<ReceivedEntry> Parse(RedisResult reply)
    {
        var entries = new List<ReceivedEntry>();
        if (reply.IsNull)
        {
            return entries;
        }

        var streams = (RedisResult[])reply!;
        if (reply.Resp3Type == ResultType.Map)
        {
            for (var i = 0; i + 1 < streams.Length; i += 2)
            {
                AddEntries(entries, (string)streams[i]!, streams[i + 1]);
            }

            return entries;
        }

        foreach (var stream in streams)
        {
            var parts = (RedisResult[])stream!;
            AddEntries(entries, (string)parts[0]!, parts[1]);
        }

        return entries;
    }

    private static void AddEntries(List<ReceivedEntry> entries, string topic, RedisResult items)
    {
        foreach (var item in (RedisResult[])items!)
        {
            var pair = (RedisResult[])item!;
            var data = RedisValue.Null;
            var metadata = RedisValue.Null;
            if (!pair[1].IsNull)
            {
                var fields = (RedisValue[])pair[1]!;
                for (var i = 0; i + 1 < fields.Length; i += 2)
                {
                    if (fields[i] == StreamFields.Data)
                    {
                        data = fields[i + 1];
                    }
                    else if (fields[i] == StreamFields.Metadata)
                    {
                        metadata = fields[i + 1];
                    }
                }
            }

            entries.Add(new ReceivedEntry(topic, (RedisValue)pair[0], data, metadata));
        }
    }
}
