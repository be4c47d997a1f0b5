using System.Globalization;
using Pilot.Publication.Domain.Publicity;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.Publication.Storage;

/// <summary>Publication's publicity entries in Redis: read before a decision, written through the decision's commit.</summary>
internal sealed class PublicityStore(IConnectionMultiplexer redis)
{
    public async Task<PublicityReads> ReadAsync(params IReadOnlyList<string> entryIds)
    {
        var database = redis.GetDatabase();
        var records = await Task.WhenAll(entryIds.Select(id => database.HashGetAsync(PublicationKeys.Entry(id), "record"))).ConfigureAwait(false);
        return new PublicityReads(entryIds.Select((id, i) => (id, records[i])).ToList());
    }

    /// <summary>The entries of <paramref name="entryIds"/> that exist, in the order asked, in one round trip.</summary>
    public async Task<IReadOnlyList<PublicityEntry>> FindManyAsync(IReadOnlyList<string> entryIds)
    {
        var batch = redis.GetDatabase().CreateBatch();
        var reads = entryIds.Select(id => batch.HashGetAsync(PublicationKeys.Entry(id), "record")).ToList();
        batch.Execute();
        var records = await Task.WhenAll(reads).ConfigureAwait(false);
        return records.Where(record => !record.IsNullOrEmpty).Select(record => PublicationJson.Read<PublicityEntry>(record.ToString())).ToList();
    }

    public static void Write(IStateWrites writes, PublicityEntry entry)
    {
        var key = PublicationKeys.Entry(entry.EntryId);
        writes.HashSet(
            key,
            new HashEntry("record", PublicationJson.Write(entry)),
            new HashEntry("closesOn", entry.Period.ClosesOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new HashEntry("status", entry.Status.ToString()));

        // Each entry sits in exactly one of the lists the public pages through, and in the ready set once it passed.
        var closesAt = entry.Period.ClosesAt.ToUnixTimeMilliseconds();
        var running = entry.Status is PublicityStatus.Open or PublicityStatus.AwaitingResolution;
        foreach (var (runningKey, endedKey) in ListsOf(entry))
        {
            writes.SortedSetAdd(running ? runningKey : endedKey, entry.EntryId, closesAt);
            writes.SortedSetRemove(running ? endedKey : runningKey, entry.EntryId);
        }

        if (entry.Status == PublicityStatus.Passed)
        {
            writes.SortedSetAdd(PublicationKeys.ReadyForDirectory(entry.BatchId), entry.EntryId, (entry.ConcludedAt ?? entry.Period.ClosesAt).ToUnixTimeMilliseconds());
        }
        else
        {
            writes.SortedSetRemove(PublicationKeys.ReadyForDirectory(entry.BatchId), entry.EntryId);
        }
    }

    /// <summary>
    /// Up to <paramref name="take"/> ids of a batch's running (or concluded) entries, optionally of one region, in
    /// (closing instant, id) order strictly after the keyset position <paramref name="after"/>.
    /// </summary>
    public async Task<IReadOnlyList<(string EntryId, long ClosesAt)>> PageAsync(string batchId, string? regionCode, bool ended, (long ClosesAt, string EntryId)? after, int take)
    {
        var key = (ended, regionCode) switch
        {
            (false, null) => PublicationKeys.Running(batchId),
            (false, { } region) => PublicationKeys.RunningInRegion(batchId, region),
            (true, null) => PublicationKeys.Ended(batchId),
            (true, { } region) => PublicationKeys.EndedInRegion(batchId, region),
        };
        var database = redis.GetDatabase();
        var result = new List<(string, long)>(take);
        var start = after?.ClosesAt ?? double.NegativeInfinity;
        for (var skip = 0L; result.Count < take; skip += take)
        {
            // Members with one score come in member order, so (score, member) pages without gaps or repeats.
            var page = await database.SortedSetRangeByScoreWithScoresAsync(key, start, double.PositiveInfinity, Exclude.None, Order.Ascending, skip, take).ConfigureAwait(false);
            foreach (var item in page)
            {
                var id = item.Element.ToString();
                var score = (long)item.Score;
                if (after is { } position && score == position.ClosesAt && string.CompareOrdinal(id, position.EntryId) <= 0)
                {
                    continue;
                }

                result.Add((id, score));
                if (result.Count == take)
                {
                    break;
                }
            }

            if (page.Length < take)
            {
                break;
            }
        }

        return result;
    }

    private static IEnumerable<(string Running, string Ended)> ListsOf(PublicityEntry entry)
    {
        yield return (PublicationKeys.Running(entry.BatchId), PublicationKeys.Ended(entry.BatchId));
        if (entry.RegionCode is { } region)
        {
            yield return (PublicationKeys.RunningInRegion(entry.BatchId, region), PublicationKeys.EndedInRegion(entry.BatchId, region));
        }
    }
}
