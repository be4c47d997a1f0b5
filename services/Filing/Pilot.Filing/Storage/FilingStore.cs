using Microsoft.Extensions.Options;
using Pilot.EventBus;
using Pilot.Storage;
using Pilot.Filing.Domain.Auditing;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Events;
using Pilot.Filing.Domain.Files;
using Pilot.Filing.Domain.Filings;
using Pilot.Filing.Domain.Packages;
using Pilot.Filing.Grpc;
using Pilot.Filing.IntegrationEvents;
using Pilot.SharedKernel;
using StackExchange.Redis;

namespace Pilot.Filing.Storage;

/// <summary>
/// Filing's state in Redis. Each change is one atomic step (a Lua script for filing changes, the hot path of
/// the bureaus; MULTI/EXEC for packages and refusals): the state guarded by its version, the reply to the
/// request id, the audit record, the region's change stream, the indexes and the events, so either all of it
/// lands or none. A false result means a condition failed: the caller re-reads and decides again.
/// </summary>
internal sealed class FilingStore(IConnectionMultiplexer redis, IEventOutbox outbox, RegionChangeSignals signals, IOptions<FilingOptions> options)
    : IFilingNumberIndex
{
    private IDatabase Db => redis.GetDatabase();

    public async Task<MaterialPackage?> FindPackageAsync(string packageId)
    {
        var json = await Db.HashGetAsync(FilingKeys.Package(packageId), "state");
        return json.IsNullOrEmpty ? null : StorageJson.Read<MaterialPackage>(json.ToString());
    }

    public async Task<StoredFiling?> FindFilingAsync(string filingId) =>
        ReadFiling(await Db.HashGetAsync(FilingKeys.Filing(filingId), "record"));

    public async Task<IReadOnlyList<StoredFiling?>> FindFilingsAsync(IReadOnlyList<string> filingIds)
    {
        var batch = Db.CreateBatch();
        var reads = filingIds.Select(id => batch.HashGetAsync(FilingKeys.Filing(id), "record")).ToList();
        batch.Execute();
        var results = new List<StoredFiling?>(reads.Count);
        foreach (var read in reads)
        {
            results.Add(ReadFiling(await read));
        }

        return results;
    }

    public async Task<string?> FindFilingIdAsync(string regionCode, string filingNumber, CancellationToken cancellationToken = default)
    {
        var holder = await Db.StringGetAsync(FilingKeys.FilingNumber(regionCode, filingNumber.Trim()));
        return holder.IsNullOrEmpty ? null : holder.ToString();
    }

    public async Task<StoredReply?> FindReplyAsync(string subject, string requestId)
    {
        var value = await Db.StringGetAsync(FilingKeys.Request(subject, requestId));
        return value.IsNull ? null : StoredReplyFormat.Read((byte[])value!);
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

    /// <summary>Filing ids of one index, oldest first, from <paramref name="offset"/>.</summary>
    public async Task<IReadOnlyList<string>> FilingIdsAsync(string indexKey, long offset, int count)
    {
        var ids = await Db.SortedSetRangeByRankAsync(indexKey, offset, offset + count - 1);
        return ids.Select(id => id.ToString()).ToList();
    }

    /// <summary>
    /// Up to <paramref name="count"/> entries of one index after the entry (score, id), in index order, with their
    /// records. Keyed on the entry, not its rank, so entries leaving the index (a filing decided while a bureau pages
    /// through its submitted ones) do not shift the next page.
    /// </summary>
    public Task<FilingPageRead.Page> PageAsync(string indexKey, string versionKey, long? afterScore, string? afterId, int count) =>
        FilingPageRead.ReadAsync(Db, indexKey, versionKey, afterScore, afterId, count);

    public async Task<long> VersionAsync(string versionKey) => (long?)await Db.StringGetAsync(versionKey) ?? 0;

    public Task<StreamEntry[]> ChangesAfterAsync(string regionCode, string firstId, int count) =>
        Db.StreamRangeAsync(FilingKeys.RegionChanges(regionCode), minId: firstId, maxId: "+", count: count);

    public Task<StreamEntry[]> AuditBeforeAsync(string streamKey, string lastId, int count) =>
        Db.StreamRangeAsync(streamKey, minId: "-", maxId: lastId, count: count, messageOrder: Order.Descending);

    /// <summary>Stores a new package version; false when another version or the same request id got there first.</summary>
    public async Task<bool> CommitPackageAsync(MaterialPackage package, long expectedVersion, AuditRecord audit, IReadOnlyList<FilingEvent> events, ReplyToStore reply)
    {
        var tx = Db.CreateTransaction();
        var key = FilingKeys.Package(package.PackageId);
        tx.AddCondition(expectedVersion == 0 ? Condition.KeyNotExists(key) : Condition.HashEqual(key, "version", expectedVersion));
        _ = tx.HashSetAsync(key, [new HashEntry("version", package.Version), new HashEntry("state", StorageJson.Write(package))]);
        foreach (var kind in new[] { TrackedItemKind.MaterialPackage, TrackedItemKind.ImplementationPlan })
        {
            WriteTrackedItem(tx, package.BatchId, new TrackedItem(package.PackageId, kind, package.SponsorOrgId, Done: true), overwrite: true);
        }

        WriteCommon(tx, audit, [], events, reply);
        return await tx.ExecuteAsync();
    }

    /// <summary>
    /// Stores a filing change and announces it on the region's change stream; when
    /// <paramref name="reservedNumber"/> is given, the number must still be free in the region.
    /// </summary>
    public async Task<bool> CommitFilingAsync(FilingChangeToStore change, AuditRecord audit, IReadOnlyList<FilingEvent> events, ReplyToStore reply)
    {
        var filing = change.Filing;
        var script = new ConditionalCommit();
        var key = FilingKeys.Filing(filing.FilingId);
        if (change.ExpectedVersion == 0)
        {
            script.Absent(key);
        }
        else
        {
            script.HashFieldEquals(key, "version", change.ExpectedVersion);
        }

        if (change.ReservedNumber is { } number)
        {
            script.Claim(FilingKeys.FilingNumber(filing.Region.Code, number), filing.FilingId);
        }

        // The request id is claimed with its answer in one step; a retry of it that committed first fails this commit.
        script.Claim(FilingKeys.Request(reply.Subject, reply.RequestId), StoredReplyFormat.Write(reply), options.Value.RequestRetention);

        script.HashSet(key, new HashEntry("version", filing.Version), new HashEntry("record", change.Record));
        var firstSeen = change.FirstSubmittedAt.ToUnixTimeMilliseconds();
        var region = filing.Region.Code;
        var movedRegion = change.PreviousRegionCode is { } previous && previous != region;
        if (change.ExpectedVersion == 0 || movedRegion)
        {
            foreach (var index in new[] { FilingKeys.AllFilings, FilingKeys.RegionFilings(region), FilingKeys.OrganisationFilings(filing.OrganisationId) })
            {
                script.SortedSetAdd(index, filing.FilingId, firstSeen, onlyIfNew: true);
            }
        }

        script.Increment(FilingKeys.RegionVersion(region));
        if (movedRegion)
        {
            script.Increment(FilingKeys.RegionVersion(change.PreviousRegionCode!));
            script.SortedSetRemove(FilingKeys.RegionFilings(change.PreviousRegionCode!), filing.FilingId);
            foreach (var status in Enum.GetValues<FilingStatus>())
            {
                script.SortedSetRemove(FilingKeys.RegionStatusFilings(change.PreviousRegionCode!, status), filing.FilingId);
            }
        }
        else if (change.PreviousStatus is { } before && before != filing.Status)
        {
            script.SortedSetRemove(FilingKeys.RegionStatusFilings(region, before), filing.FilingId);
        }

        script.SortedSetAdd(FilingKeys.RegionStatusFilings(region, filing.Status), filing.FilingId, firstSeen);
        script.StreamAdd(FilingKeys.RegionChanges(region), null, new NameValueEntry("kind", change.Kind.ToString()), new NameValueEntry("record", change.Record));
        // The due list only changes when the filing starts, or stops, waiting for the organisation (a rejection).
        if (change.PreviousStatus is not { } was || (was == FilingStatus.Rejected) != (filing.Status == FilingStatus.Rejected))
        {
            var item = new TrackedItem(filing.FilingId, TrackedItemKind.LocalFiling, filing.OrganisationId, Done: filing.Status != FilingStatus.Rejected);
            script.HashSet(FilingKeys.DueItems(filing.BatchId), new HashEntry($"{item.Kind}:{item.ItemId}", StorageJson.Write(item)));
        }

        var record = StorageJson.Write(audit);
        foreach (var auditStream in AuditStreams(audit, [filing.Region.Code]))
        {
            script.StreamAdd(auditStream, null, new NameValueEntry("record", record));
        }

        var outgoing = IntegrationEventMapper.ToOutgoing(events);
        for (var i = 0; i < outgoing.Count; i++)
        {
            script.Append(outbox.Prepare(outgoing[i].Topic, outgoing[i].Type, outgoing[i].Data, EventId(audit, i)));
        }

        if (!await script.ExecuteAsync(Db))
        {
            return false;
        }

        // Only the filing's (new) region gets a change entry, so only its watches have something to read.
        signals.Changed(region);
        return true;
    }

    /// <summary>
    /// Keeps the audit record (and the events) of a refused attempt. With <paramref name="reply"/> the refusal
    /// is also remembered under the request id, for refusals that announce something; false when that id was
    /// answered meanwhile.
    /// </summary>
    public async Task<bool> RecordRefusalAsync(
        AuditRecord audit, IReadOnlyList<string> regions, IReadOnlyList<FilingEvent> events, ReplyToStore? reply = null, (string BatchId, TrackedItem Item)? owed = null)
    {
        var tx = Db.CreateTransaction();
        if (owed is { } item)
        {
            WriteTrackedItem(tx, item.BatchId, item.Item, overwrite: false);
        }

        WriteCommon(tx, audit, regions, events, reply);
        return await tx.ExecuteAsync();
    }

    private static StoredFiling? ReadFiling(RedisValue record) =>
        record.IsNullOrEmpty ? null : FilingMappers.ToStored(Protos.Filing.FilingRecord.Parser.ParseFrom((byte[])record!));

    private void WriteCommon(ITransaction tx, AuditRecord audit, IReadOnlyList<string> regions, IReadOnlyList<FilingEvent> events, ReplyToStore? reply)
    {
        if (reply is not null)
        {
            var key = FilingKeys.Request(reply.Subject, reply.RequestId);
            tx.AddCondition(Condition.KeyNotExists(key));
            _ = tx.StringSetAsync(key, StoredReplyFormat.Write(reply), options.Value.RequestRetention);
        }

        AppendAudit(tx, audit, regions);
        var outgoing = IntegrationEventMapper.ToOutgoing(events);
        for (var i = 0; i < outgoing.Count; i++)
        {
            outbox.Enlist(tx, outgoing[i].Topic, outgoing[i].Type, outgoing[i].Data, EventId(audit, i));
        }
    }

    /// <summary>Every outcome carries its audit record, which names the caller and the request the events belong to.</summary>
    private static string EventId(AuditRecord audit, int index) =>
        EventIds.ForCommand(FilingExtensions.AppId, audit.Subject, audit.RequestId ?? string.Empty, index);

    private static void AppendAudit(ITransaction tx, AuditRecord audit, IReadOnlyList<string> regions)
    {
        NameValueEntry[] entry = [new("record", StorageJson.Write(audit))];
        foreach (var stream in AuditStreams(audit, regions))
        {
            _ = tx.StreamAddAsync(stream, entry);
        }
    }

    /// <summary>The whole trail, and each bureau's: what concerned its region's filings and what its own staff attempted elsewhere.</summary>
    private static IEnumerable<string> AuditStreams(AuditRecord audit, IReadOnlyList<string> regions) =>
        regions.Append(audit.Role == Pilot.SharedKernel.Roles.ProvincialHr ? audit.Region : null)
            .Where(region => !string.IsNullOrEmpty(region))
            .Distinct(StringComparer.Ordinal)
            .Select(region => FilingKeys.RegionAudit(region!))
            .Prepend(FilingKeys.Audit);

    private static void WriteTrackedItem(ITransaction tx, string batchId, TrackedItem item, bool overwrite) =>
        _ = tx.HashSetAsync(FilingKeys.DueItems(batchId), $"{item.Kind}:{item.ItemId}", StorageJson.Write(item), overwrite ? When.Always : When.NotExists);
}
