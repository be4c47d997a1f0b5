using Pilot.Commands;
using Pilot.Publication.Domain.Objections;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.Publication.Storage;

/// <summary>Objections in Redis: the record (with the objector's contact), its evidence bytes, and the lists to page them.</summary>
internal sealed class ObjectionStore(IConnectionMultiplexer redis)
{
    public async Task<ObjectionReads> ReadAsync(string objectionId) =>
        new(objectionId, await redis.GetDatabase().StringGetAsync(PublicationKeys.Objection(objectionId)).ConfigureAwait(false));

    public async Task<IReadOnlyList<Objection>> OfEntryAsync(string entryId)
    {
        var ids = await redis.GetDatabase().SortedSetRangeByRankAsync(PublicationKeys.ObjectionsOfEntry(entryId)).ConfigureAwait(false);
        return await FindManyAsync(ids.Select(id => id.ToString()).ToList()).ConfigureAwait(false);
    }

    /// <summary>Up to <paramref name="take"/> of a batch's objection ids by when raised, strictly after the keyset position.</summary>
    public async Task<IReadOnlyList<(string ObjectionId, long RaisedAt)>> PageOfBatchAsync(string batchId, (long RaisedAt, string ObjectionId)? after, int take)
    {
        var start = after?.RaisedAt ?? double.NegativeInfinity;
        var result = new List<(string, long)>(take);
        for (var skip = 0L; result.Count < take; skip += take)
        {
            var page = await redis.GetDatabase()
                .SortedSetRangeByScoreWithScoresAsync(PublicationKeys.ObjectionsOfBatch(batchId), start, double.PositiveInfinity, Exclude.None, Order.Ascending, skip, take)
                .ConfigureAwait(false);
            foreach (var item in page)
            {
                var id = item.Element.ToString();
                if (after is { } position && (long)item.Score == position.RaisedAt && string.CompareOrdinal(id, position.ObjectionId) <= 0)
                {
                    continue;
                }

                result.Add((id, (long)item.Score));
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

    public async Task<IReadOnlyList<Objection>> FindManyAsync(IReadOnlyList<string> objectionIds)
    {
        if (objectionIds.Count == 0)
        {
            return [];
        }

        var records = await redis.GetDatabase().StringGetAsync(objectionIds.Select(id => (RedisKey)PublicationKeys.Objection(id)).ToArray()).ConfigureAwait(false);
        return records.Where(record => !record.IsNullOrEmpty).Select(record => PublicationJson.Read<Objection>(record.ToString())).ToList();
    }

    public async Task<byte[]?> EvidenceAsync(string objectionId)
    {
        var content = await redis.GetDatabase().StringGetAsync(PublicationKeys.Evidence(objectionId)).ConfigureAwait(false);
        return content.IsNull ? null : (byte[]?)content;
    }

    public static void Raise(IStateWrites writes, Objection objection, ReadOnlyMemory<byte> evidence)
    {
        writes.StringSet(PublicationKeys.Objection(objection.ObjectionId), PublicationJson.Write(objection));
        if (!evidence.IsEmpty)
        {
            writes.StringSet(PublicationKeys.Evidence(objection.ObjectionId), evidence);
        }

        var raisedAt = objection.RaisedAt.ToUnixTimeMilliseconds();
        writes.SortedSetAdd(PublicationKeys.ObjectionsOfEntry(objection.EntryId), objection.ObjectionId, raisedAt);
        writes.SortedSetAdd(PublicationKeys.ObjectionsOfBatch(objection.BatchId), objection.ObjectionId, raisedAt);
    }

    public static void Update(IStateWrites writes, Objection objection) =>
        writes.StringSet(PublicationKeys.Objection(objection.ObjectionId), PublicationJson.Write(objection));
}

/// <summary>An objection as read before deciding on it.</summary>
internal sealed class ObjectionReads(string objectionId, RedisValue record) : ICommandReads
{
    public Objection? Existing { get; } = record.IsNullOrEmpty ? null : PublicationJson.Read<Objection>(record.ToString());

    public void AddConditions(IStateWrites commit)
    {
        if (record.IsNull)
        {
            commit.Absent(PublicationKeys.Objection(objectionId));
        }
        else
        {
            commit.StringEquals(PublicationKeys.Objection(objectionId), record);
        }
    }
}
