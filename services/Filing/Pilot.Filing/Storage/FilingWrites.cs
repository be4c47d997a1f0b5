using Pilot.Filing.Application;
using Pilot.Filing.Domain.Auditing;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Filings;
using Pilot.Filing.Domain.Packages;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.Filing.Storage;

/// <summary>
/// Where a decided change goes, written into the command's one commit so that all of it lands or none: the record,
/// its indexes, the region's counter and change stream, the due list and the audit trail.
/// </summary>
internal sealed class FilingWrites(RegionChangeSignals signals)
{
    /// <summary>
    /// A filing submitted, resubmitted or decided: <paramref name="before"/> is what the command read (null for a first
    /// submission). An acceptance claims its filing number in the region, so of two filings given one number only one
    /// commits.
    /// </summary>
    public void FilingChange(IStateWrites commit, FilingView? before, FilingView after)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(after);
        var filing = after.Filing;
        var region = filing.Region.Code;
        var previous = before?.Filing;
        if (filing.Status == FilingStatus.Accepted && filing.Decision?.FilingNumber is { } number)
        {
            commit.Claim(FilingKeys.FilingNumber(region, number), filing.FilingId);
        }

        // One JSON for the hash and the change entry: the record is written once per change, however many read it.
        var record = StorageJson.Write(after);
        var key = FilingKeys.Filing(filing.FilingId);
        commit.HashSet(key, new HashEntry(FilingKeys.VersionField, filing.Version), new HashEntry(FilingKeys.RecordField, record));

        // Lists are ordered by when the current attempt was submitted; a decision keeps that time.
        var submittedAt = filing.SubmittedAt.ToUnixTimeMilliseconds();
        var movedRegion = previous is not null && previous.Region.Code != region;
        if (previous is null || movedRegion)
        {
            foreach (var index in new[] { FilingKeys.AllFilings, FilingKeys.RegionFilings(region), FilingKeys.OrganisationFilings(filing.OrganisationId) })
            {
                commit.SortedSetAdd(index, filing.FilingId, submittedAt, onlyIfNew: true);
            }
        }

        commit.Increment(FilingKeys.RegionVersion(region));
        if (movedRegion)
        {
            var was = previous!.Region.Code;
            commit.Increment(FilingKeys.RegionVersion(was));
            commit.SortedSetRemove(FilingKeys.RegionFilings(was), filing.FilingId);
            foreach (var status in Enum.GetValues<FilingStatus>())
            {
                commit.SortedSetRemove(FilingKeys.RegionStatusFilings(was, status), filing.FilingId);
            }
        }
        else if (previous is not null && previous.Status != filing.Status)
        {
            commit.SortedSetRemove(FilingKeys.RegionStatusFilings(region, previous.Status), filing.FilingId);
        }

        commit.SortedSetAdd(FilingKeys.RegionStatusFilings(region, filing.Status), filing.FilingId, submittedAt);
        commit.StreamAdd(FilingKeys.RegionChanges(region), FilingRetention.RegionChangeEntries, new NameValueEntry("kind", filing.Status.ToString()), new NameValueEntry(FilingKeys.RecordField, record));

        // The due list only changes when the filing starts, or stops, waiting for the organisation (a rejection).
        if (previous is null || (previous.Status == FilingStatus.Rejected) != (filing.Status == FilingStatus.Rejected))
        {
            DueItem(commit, filing.BatchId, new TrackedItem(filing.FilingId, TrackedItemKind.LocalFiling, filing.OrganisationId, Done: filing.Status != FilingStatus.Rejected));
        }

        // Only the filing's (new) region gets a change entry, so only its watches have something to read.
        commit.OnCommitted(() => signals.Changed(region));
    }

    /// <summary>A new version of a package; the package and the plan it carries are then handed in.</summary>
    public static void Package(IStateWrites commit, MaterialPackage package)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(package);
        commit.HashSet(
            FilingKeys.Package(package.PackageId),
            new HashEntry(FilingKeys.VersionField, package.Version),
            new HashEntry(FilingKeys.StateField, StorageJson.Write(package)));
        foreach (var kind in new[] { TrackedItemKind.MaterialPackage, TrackedItemKind.ImplementationPlan })
        {
            DueItem(commit, package.BatchId, new TrackedItem(package.PackageId, kind, package.SponsorOrgId, Done: true));
        }
    }

    /// <summary>
    /// An item now owed (a refused package's sponsor still owes it). Written only if the item is not listed yet: a
    /// version accepted meanwhile has marked it done, and a refusal's traces are written whatever happened meanwhile.
    /// </summary>
    public static void Owed(IStateWrites commit, string batchId, TrackedItem item)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(item);
        commit.HashSetIfAbsent(FilingKeys.DueItems(batchId), DueItemField(item), StorageJson.Write(item));
    }

    /// <summary>The attempt's audit record, on the whole trail and on the trails of the regions it concerns.</summary>
    public static void Audit(IStateWrites commit, AuditRecord audit, IReadOnlyList<string> regions)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(audit);
        var record = new NameValueEntry(FilingKeys.RecordField, StorageJson.Write(audit));
        foreach (var stream in AuditStreams(audit, regions))
        {
            commit.StreamAdd(stream, stream == FilingKeys.Audit ? FilingRetention.AuditEntries : FilingRetention.RegionAuditEntries, record);
        }
    }

    /// <summary>The whole trail, and each bureau's: what concerned its region's filings and what its own staff attempted elsewhere.</summary>
    private static IEnumerable<string> AuditStreams(AuditRecord audit, IReadOnlyList<string> regions) =>
        regions.Append(audit.Role == Pilot.SharedKernel.Roles.ProvincialHr ? audit.Region : null)
            .Where(region => !string.IsNullOrEmpty(region))
            .Distinct(StringComparer.Ordinal)
            .Select(region => FilingKeys.RegionAudit(region!))
            .Prepend(FilingKeys.Audit);

    private static void DueItem(IStateWrites commit, string batchId, TrackedItem item) =>
        commit.HashSet(FilingKeys.DueItems(batchId), new HashEntry(DueItemField(item), StorageJson.Write(item)));

    private static string DueItemField(TrackedItem item) => $"{item.Kind}:{item.ItemId}";
}
