using Microsoft.Extensions.Options;
using Pilot.EventBus;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.FactCopies;

/// <summary>
/// Reads a copy and hands its replacement to the event's writes, conditioned on what was read. One per DI scope.
/// </summary>
/// <remarks>
/// With <see cref="EventBusOptions.CommitInBatches"/> a whole read batch shares one scope and one commit whose
/// conditions are all checked before any write: two events of the batch for one fact would both pass a condition on
/// the same stored position, and the later in the batch would win whatever its time. So a fact read twice in one
/// scope refuses the batch, and the bus handles its events one at a time, each reading what the one before wrote.
/// </remarks>
internal sealed class FactCopyStore(IConnectionMultiplexer redis, IOptions<EventBusOptions> options)
{
    private static readonly RedisValue[] Fields = [FactCopyKeys.FactField, FactCopyKeys.TimeField, FactCopyKeys.EventField];

    private readonly HashSet<string> _readInScope = new(StringComparer.Ordinal);

    private string AppId => options.Value.AppId;

    public async Task<StoredCopy?> ReadAsync(string kind, string id)
    {
        var key = FactCopyKeys.Fact(AppId, kind, id);
        if (!_readInScope.Add(key))
        {
            throw new InvalidOperationException($"{kind} '{id}' is changed by two events of one batch commit; they are handled one at a time instead.");
        }

        var values = await redis.GetDatabase().HashGetAsync(key, Fields).ConfigureAwait(false);
        return values[0].IsNull ? null : new StoredCopy(values[0].ToString(), values[1], values[2]);
    }

    /// <summary>
    /// Stores <paramref name="json"/> at <paramref name="position"/> if the copy is still as read (absent, or at the
    /// position read): a concurrent delivery that changed it first makes this commit fail and the bus retry the event.
    /// A fact equal to the stored one moves only the position, so an event older than this one still cannot overwrite it.
    /// </summary>
    public void Write(IStateWrites writes, string kind, string id, StoredCopy? stored, string json, EventPosition position)
    {
        var key = FactCopyKeys.Fact(AppId, kind, id);
        var at = new[] { new HashEntry(FactCopyKeys.TimeField, position.TimeText), new HashEntry(FactCopyKeys.EventField, position.EventId) };
        if (stored is null)
        {
            writes.Absent(key);
            writes.HashSet(key, [new HashEntry(FactCopyKeys.FactField, json), .. at]);
            writes.SortedSetAdd(FactCopyKeys.Ids(AppId, kind), id, 0);
            return;
        }

        writes.HashFieldEquals(key, FactCopyKeys.TimeField, stored.TimeText);
        writes.HashFieldEquals(key, FactCopyKeys.EventField, stored.EventId);
        // Compared as JSON: records holding lists are never Equal to one another, their JSON is.
        writes.HashSet(key, string.Equals(json, stored.Json, StringComparison.Ordinal) ? at : [new HashEntry(FactCopyKeys.FactField, json), .. at]);
    }
}
