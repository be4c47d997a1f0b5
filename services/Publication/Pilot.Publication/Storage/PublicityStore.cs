using System.Globalization;
using Pilot.Publication.Domain.Publicity;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.Publication.Storage;

/// <summary>Publication's publicity records in Redis: read before a decision, written through the decision's commit.</summary>
internal sealed class PublicityStore(IConnectionMultiplexer redis)
{
    public async Task<PublicityReads> ReadAsync(string filingId) =>
        new(filingId, await redis.GetDatabase().HashGetAsync(PublicationKeys.Publicity(filingId), "record").ConfigureAwait(false));

    public static void Open(IStateWrites writes, BranchPublicity publicity)
    {
        var closesOn = publicity.Period.ClosesOn;
        writes.HashSet(
            PublicationKeys.Publicity(publicity.FilingId),
            new HashEntry("record", PublicationJson.Write(publicity)),
            new HashEntry("closesOn", closesOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new HashEntry("status", publicity.Status.ToString()));
        writes.SortedSetAdd(PublicationKeys.ByClosingDay, publicity.FilingId, closesOn.DayNumber);
    }

    /// <summary>A publicity whose status moved; one that passed joins its batch's entries ready for the directory.</summary>
    public static void Update(IStateWrites writes, BranchPublicity publicity)
    {
        writes.HashSet(
            PublicationKeys.Publicity(publicity.FilingId),
            new HashEntry("record", PublicationJson.Write(publicity)),
            new HashEntry("status", publicity.Status.ToString()));
        if (publicity.Status == PublicityStatus.Passed)
        {
            writes.SortedSetAdd(PublicationKeys.ReadyForDirectory(publicity.BatchId), publicity.FilingId, (publicity.ConcludedAt ?? publicity.Period.ClosesAt).ToUnixTimeMilliseconds());
        }
        else
        {
            writes.SortedSetRemove(PublicationKeys.ReadyForDirectory(publicity.BatchId), publicity.FilingId);
        }
    }
}
