using Pilot.Commands;
using Pilot.Filing.Domain.Packages;
using Pilot.Storage;

namespace Pilot.Filing.Storage;

/// <summary>A sponsor's package as a command read it; its version is the commit's condition, so of two hand-ins one wins.</summary>
/// <param name="Current">The package, or null before the sponsor's first hand-in for the batch.</param>
internal sealed record PackageSnapshot(string PackageId, MaterialPackage? Current) : ICommandReads
{
    public void AddConditions(IStateWrites commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var key = FilingKeys.Package(PackageId);
        if (Current is null)
        {
            commit.Absent(key);
        }
        else
        {
            commit.HashFieldEquals(key, FilingKeys.VersionField, Current.Version);
        }
    }
}
