using Pilot.EventBus.Envelope;
using StackExchange.Redis;

namespace Pilot.EventBus.Redis;

/// <summary>
/// What an operator needs once a handler is fixed: the messages the bus gave up on (<c>&lt;topic&gt;-deadletter</c>)
/// listed with why, and re-driven onto their topic. A replayed message reaches every subscriber of the topic again;
/// those that handled it within their <see cref="EventBusOptions.DedupeRetention"/> skip it as a duplicate.
/// </summary>
public static class DeadLetterQueue
{
    // Reads the dead letter, appends its data (and metadata) to the topic as daprd would, and deletes it, in one step:
    // two operators replaying the same entry re-drive it once. Returns the new entry's id, 0 if the entry is gone, or
    // -1 if it has no data to replay (an entry that was never a message).
    private const string ReplayScript = """
        local found = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
        if #found == 0 then return 0 end
        local fields, data, metadata = found[1][2], nil, nil
        for i = 1, #fields, 2 do
          if fields[i] == 'data' then data = fields[i + 1] elseif fields[i] == 'metadata' then metadata = fields[i + 1] end
        end
        if data == nil or data == '' then return -1 end
        local id
        if metadata then
          id = redis.call('XADD', KEYS[2], '*', 'data', data, 'metadata', metadata)
        else
          id = redis.call('XADD', KEYS[2], '*', 'data', data)
        end
        redis.call('XDEL', KEYS[1], ARGV[1])
        return id
        """;

    /// <summary>The oldest <paramref name="count"/> dead letters of <paramref name="topic"/>.</summary>
    public static async Task<IReadOnlyList<DeadLetter>> ListAsync(IDatabase database, string topic, int count = 100)
    {
        ArgumentNullException.ThrowIfNull(database);
        var entries = await database.StreamRangeAsync(PilotTopics.DeadLetterOf(topic), "-", "+", count).ConfigureAwait(false);
        return [.. entries.Select(DeadLetter.From)];
    }

    /// <summary>
    /// Appends the dead letter's message to <paramref name="topic"/> again and removes it from the dead letters.
    /// Returns the new entry's id, or null when there is no such dead letter (already replayed, or a wrong id).
    /// </summary>
    /// <exception cref="InvalidOperationException">The dead letter holds no message (its entry had no data).</exception>
    public static async Task<string?> ReplayAsync(IDatabase database, string topic, string deadLetterId)
    {
        ArgumentNullException.ThrowIfNull(database);
        var result = await database.ScriptEvaluateAsync(
            ReplayScript, [PilotTopics.DeadLetterOf(topic), topic], [deadLetterId]).ConfigureAwait(false);
        if (result.Resp2Type != ResultType.Integer)
        {
            return (string?)result;
        }

        return (long)result switch
        {
            0 => null,
            _ => throw new InvalidOperationException($"Dead letter {deadLetterId} of {topic} has no message to replay."),
        };
    }
}

/// <summary>A message given up on: its event (when its data could be read as an envelope), why, and by which app.</summary>
public sealed record DeadLetter(string Id, string? EventId, string? EventType, string Error, long Attempts, string? AppId, string? OriginalId)
{
    internal static DeadLetter From(StreamEntry entry)
    {
        var data = entry[StreamFields.Data];
        CloudEventEnvelope? envelope = null;
        if (!data.IsNullOrEmpty)
        {
            try
            {
                envelope = EnvelopeJson.Deserialize((byte[])data!);
            }
            catch (PoisonEventException)
            {
                // Listed all the same: the error says why it could not be read.
            }
        }

        return new DeadLetter(
            entry.Id.ToString(),
            envelope?.Id,
            envelope?.Type,
            entry[StreamFields.Error].ToString(),
            (long?)entry[StreamFields.Attempts] ?? 0,
            NullIfEmpty(entry[StreamFields.AppId]),
            NullIfEmpty(entry[StreamFields.OriginalId]));
    }

    private static string? NullIfEmpty(RedisValue value) => value.IsNullOrEmpty ? null : value.ToString();
}
