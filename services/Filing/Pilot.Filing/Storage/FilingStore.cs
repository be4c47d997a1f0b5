using Pilot.Filing.Application;
using Pilot.Filing.Domain.Auditing;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Files;
using Pilot.Filing.Domain.Filings;
using Pilot.Filing.Domain.Packages;
using Pilot.Storage;
using StackExchange.Redis;
using Pilot.SharedKernel.Files;

namespace Pilot.Filing.Storage;

/// <summary>
/// Filing's state in Redis, as the application reads it. Changes are written by the command pipeline's one commit
/// (<see cref="FilingWrites"/>); the only commit of its own here keeps the audit record of a refused read.
/// </summary>
internal sealed class FilingStore(IConnectionMultiplexer redis)
{
    private IDatabase Db => redis.GetDatabase();

    public async Task<MaterialPackage?> FindPackageAsync(string packageId)
    {
        var json = await Db.HashGetAsync(FilingKeys.Package(packageId), FilingKeys.StateField);
        return json.IsNullOrEmpty ? null : StorageJson.Read<MaterialPackage>(json.ToString());
    }

    public async Task<PackageSnapshot> ReadPackageAsync(string packageId) => new(packageId, await FindPackageAsync(packageId));

    public async Task<FilingView?> FindFilingAsync(string filingId) =>
        ReadRecord(await Db.HashGetAsync(FilingKeys.Filing(filingId), FilingKeys.RecordField));

    public async Task<FilingSnapshot> ReadFilingAsync(string filingId) => new(filingId, await FindFilingAsync(filingId));

    /// <summary>The filing that holds <paramref name="filingNumber"/> in the region, or null when it is free.</summary>
    public async Task<string?> FindFilingIdAsync(string regionCode, string filingNumber)
    {
        var holder = await Db.StringGetAsync(FilingKeys.FilingNumber(regionCode, filingNumber.Trim()));
        return holder.IsNullOrEmpty ? null : holder.ToString();
    }

    public async Task RememberUploadAsync(DocumentFile file)
    {
        await Db.HashSetAsync(FilingKeys.Upload(file.Sha256),
        [
            new HashEntry("size", file.Size),
            new HashEntry("kind", file.Kind.ToString()),
            new HashEntry("fileName", file.FileName ?? string.Empty),
        ]);
    }

    public async Task<DocumentFile?> FindUploadAsync(string sha256)
    {
        var fields = await Db.HashGetAsync(FilingKeys.Upload(sha256), ["size", "kind", "fileName"]);
        if (fields[0].IsNullOrEmpty || !Enum.TryParse<FileKind>(fields[1].ToString(), out var kind))
        {
            return null;
        }

        return new DocumentFile(sha256, (long)fields[0], kind, fields[2].IsNullOrEmpty ? null : fields[2].ToString());
    }

    public async Task<IReadOnlyList<TrackedItem>> TrackedItemsAsync(string batchId)
    {
        var entries = await Db.HashGetAllAsync(FilingKeys.DueItems(batchId));
        return entries.Select(entry => StorageJson.Read<TrackedItem>(entry.Value.ToString())).ToList();
    }

    /// <summary>
    /// Up to <paramref name="count"/> entries of one index after <paramref name="after"/>, in index order, with their
    /// records, and the counter at <paramref name="versionKey"/> read in the same step. Keyed on the entry, not its
    /// rank, so entries leaving the index (a filing decided while a bureau pages through its submitted ones) do not
    /// shift the next page.
    /// </summary>
    public Task<FilingPageRead.Page> PageAsync(string indexKey, string? versionKey, IndexPosition? after, int count) =>
        FilingPageRead.ReadAsync(Db, indexKey, versionKey, after, count);

    public async Task<long> VersionAsync(string versionKey) => (long?)await Db.StringGetAsync(versionKey) ?? 0;

    /// <summary>Up to <paramref name="count"/> changes of the region from the entry <paramref name="firstId"/> on, oldest first.</summary>
    public async Task<IReadOnlyList<FilingChanged>> ChangesFromAsync(string regionCode, string firstId, int count)
    {
        var entries = await Db.StreamRangeAsync(FilingKeys.RegionChanges(regionCode), minId: firstId, maxId: "+", count: count);
        return [.. entries.Select(entry => new FilingChanged(
            entry.Id.ToString(),
            Enum.Parse<FilingStatus>(entry["kind"].ToString()),
            StorageJson.Read<FilingView>(entry[FilingKeys.RecordField].ToString())))];
    }

    /// <summary>Up to <paramref name="count"/> audit records of one trail before the entry <paramref name="before"/> (from the newest for none), newest first.</summary>
    public async Task<IReadOnlyList<(string Id, AuditRecord Record)>> AuditBeforeAsync(string streamKey, (ulong Ms, ulong Seq)? before, int count)
    {
        if (before is { Ms: 0, Seq: 0 })
        {
            return [];
        }

        var entries = await Db.StreamRangeAsync(streamKey, minId: "-", maxId: StreamIds.Predecessor(before), count: count, messageOrder: Order.Descending);
        return [.. entries.Select(entry => (entry.Id.ToString(), StorageJson.Read<AuditRecord>(entry[FilingKeys.RecordField].ToString())))];
    }

    /// <summary>Keeps the audit record of a refused read; it goes with no state change.</summary>
    public async Task RecordAuditAsync(AuditRecord audit, IReadOnlyList<string> regions)
    {
        var commit = new ConditionalCommit();
        FilingWrites.Audit(commit, audit, regions);
        await commit.ExecuteAsync(Db);
    }

    internal static FilingView? ReadRecord(RedisValue record) =>
        record.IsNullOrEmpty ? null : StorageJson.Read<FilingView>(record.ToString());
}
