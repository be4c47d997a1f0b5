using Pilot.Commands;
using Pilot.Publication.Domain.Publicity;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.Publication.Storage;

/// <summary>A filing's publicity as read before deciding; it must still be as read when the decision commits.</summary>
internal sealed class PublicityReads(string filingId, RedisValue record) : ICommandReads
{
    public BranchPublicity? Existing { get; } = record.IsNullOrEmpty ? null : PublicationJson.Read<BranchPublicity>(record.ToString());

    public void AddConditions(IStateWrites commit)
    {
        var key = PublicationKeys.Publicity(filingId);
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
