using Pilot.Commands;
using Pilot.Filing.Application;
using Pilot.Storage;

namespace Pilot.Filing.Storage;

/// <summary>
/// A filing as a command read it. Its version is the commit's condition: a decision taken on a filing that changed
/// meanwhile (another clerk's decision, a resubmission) is taken again instead of stored.
/// </summary>
/// <param name="Current">The filing, or null when the branch has not filed in the batch.</param>
internal sealed record FilingSnapshot(string FilingId, FilingView? Current) : ICommandReads
{
    public void AddConditions(IStateWrites commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var key = FilingKeys.Filing(FilingId);
        if (Current is null)
        {
            commit.Absent(key);
        }
        else
        {
            commit.HashFieldEquals(key, FilingKeys.VersionField, Current.Filing.Version);
        }
    }
}
