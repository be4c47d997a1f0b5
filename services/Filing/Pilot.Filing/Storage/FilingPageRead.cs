using System.Globalization;
using Pilot.Filing.Application;
using StackExchange.Redis;

namespace Pilot.Filing.Storage;

/// <summary>
/// One page of an index together with each filing's stored record, in one script: one round trip instead of
/// a range read plus a read per filing, and the index and the records are read at the same instant, so a page
/// never shows a filing in a status it has just left.
/// </summary>
/// <remarks>
/// The script reads the filing hashes it finds in the index, which it cannot declare in advance; every key it
/// touches is the Filing service's own, on the one Redis the service runs against.
/// </remarks>
internal static class FilingPageRead
{
    // KEYS[1] index, KEYS[2] the region's change counter (absent for lists no counter covers); ARGV: after score
    // ('' = from the start), after id, how many, filing key prefix. Entries sharing the after score are ordered by id,
    // as Redis orders them; those up to the after id are skipped. The reply starts with the counter ('0' without one),
    // read in the same step as the page.
    private const string Script = """
        local from = ARGV[1] == '' and '-inf' or ARGV[1]
        local after = ARGV[1] ~= '' and tonumber(ARGV[1]) or nil
        local want = tonumber(ARGV[3])
        local chunk = want + 16
        local out = { KEYS[2] and redis.call('GET', KEYS[2]) or '0' }
        local offset = 0
        while true do
          local entries = redis.call('ZRANGEBYSCORE', KEYS[1], from, '+inf', 'WITHSCORES', 'LIMIT', offset, chunk)
          for i = 1, #entries, 2 do
            local id, score = entries[i], entries[i + 1]
            if after == nil or tonumber(score) > after or id > ARGV[2] then
              out[#out + 1] = id
              out[#out + 1] = score
              out[#out + 1] = redis.call('HGET', ARGV[4] .. id, 'record') or ''
              if #out == want * 3 + 1 then return out end
            end
          end
          if #entries < chunk * 2 then return out end
          offset = offset + chunk
        end
        """;

    /// <param name="Filing">The filing's record; null when the index names a filing that has none.</param>
    public sealed record Entry(string Id, long Score, FilingView? Filing);

    /// <param name="Version">The region's change counter when the page was read; 0 when none was asked for.</param>
    public sealed record Page(long Version, IReadOnlyList<Entry> Entries);

    /// <summary>Up to <paramref name="count"/> entries after <paramref name="after"/>, in index order, each with its filing when a record is stored.</summary>
    public static async Task<Page> ReadAsync(IDatabase db, string indexKey, string? versionKey, IndexPosition? after, int count)
    {
        var result = (RedisResult[])(await db.ScriptEvaluateAsync(
            Script,
            versionKey is null ? [indexKey] : [indexKey, versionKey],
            [after?.Score.ToString(CultureInfo.InvariantCulture) ?? string.Empty, after?.Id ?? string.Empty, count, FilingKeys.FilingPrefix]))!;
        var entries = new List<Entry>(result.Length / 3);
        for (var i = 1; i + 2 < result.Length; i += 3)
        {
            entries.Add(new Entry(
                result[i].ToString(),
                (long)double.Parse(result[i + 1].ToString(), NumberStyles.Float, CultureInfo.InvariantCulture),
                FilingStore.ReadRecord((RedisValue)result[i + 2])));
        }

        return new Page(long.Parse(result[0].ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), entries);
    }
}
