using Pilot.Commands;
using Pilot.Publication.Domain.Publicity;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.Publication.Storage;

/// <summary>Publicity entries as read before deciding; each must still be as read when the decision commits.</summary>
internal sealed class PublicityReads : ICommandReads
{
    private readonly IReadOnlyList<(string EntryId, RedisValue Record)> read;

    public PublicityReads(IReadOnlyList<(string EntryId, RedisValue Record)> read)
    {
        this.read = read;
        Entries = read.ToDictionary(
            item => item.EntryId,
            item => item.Record.IsNullOrEmpty ? null : PublicationJson.Read<PublicityEntry>(item.Record.ToString()),
            StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, PublicityEntry?> Entries { get; }

    public PublicityEntry? this[string entryId] => Entries.GetValueOrDefault(entryId);

    public void AddConditions(IStateWrites commit)
    {
        foreach (var (entryId, record) in read)
        {
            var key = PublicationKeys.Entry(entryId);
            if (record.IsNull)
            {
                commit.Absent(key);
            }
            else
            {
                commit.HashFieldEquals(key, "record", record);
            }
        }
    }
}
