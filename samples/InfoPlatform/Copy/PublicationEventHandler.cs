using System.Text.Json;
using Pilot.Samples.InfoPlatform.Events;
using StackExchange.Redis;

namespace Pilot.Samples.InfoPlatform.Copy;

/// <summary>What the route answers the sidecar, as Dapr defines it.</summary>
public enum DeliveryAnswer
{
    /// <summary>Handled (or a duplicate, or a type this subscriber does not read): acknowledge.</summary>
    Success,

    /// <summary>A transient failure: deliver again later.</summary>
    Retry,

    /// <summary>The event can never be handled (unreadable data): acknowledge without handling.</summary>
    Drop,
}

/// <summary>
/// Applies each event of publication-events to the platform's copy, idempotently: by CloudEvent id (the handled
/// marker), and by meaning (a directory version already held, or older than the latest, replaces nothing).
/// </summary>
public sealed partial class PublicationEventHandler(PlatformCopy copy, ExportVerifier verifier, TimeProvider time, ILogger<PublicationEventHandler> logger)
{
    public async Task<DeliveryAnswer> HandleAsync(string eventId, string? type, JsonElement data)
    {
        try
        {
            var result = type switch
            {
                PublicationEventTypes.PublicityScheduled => await ScheduledAsync(eventId, Read<PublicityScheduled>(data)),
                PublicationEventTypes.ObjectionRaised => await RaisedAsync(eventId, Read<ObjectionRaised>(data)),
                PublicationEventTypes.ObjectionResolved => await ResolvedAsync(eventId, Read<ObjectionResolved>(data)),
                PublicationEventTypes.PublicityConcluded => await ConcludedAsync(eventId, Read<PublicityConcluded>(data)),
                PublicationEventTypes.DirectoryPublished => await DirectoryAsync(eventId, Read<DirectoryPublished>(data)),
                _ => ApplyResult.Unchanged, // another type on the topic: not ours to read
            };
            if (result == ApplyResult.Conflict)
            {
                logger.LogWarning("Event {EventId} ({Type}) kept conflicting with concurrent writes; asking for redelivery", eventId, type);
                return DeliveryAnswer.Retry;
            }

            LogHandled(logger, eventId, type, result);
            return DeliveryAnswer.Success;
        }
        catch (Exception e) when (e is JsonException or InvalidEventException)
        {
            logger.LogError(e, "Event {EventId} ({Type}) cannot be read; dropping it", eventId, type);
            await copy.RecordDroppedAsync(new DroppedEvent(eventId, type, e.Message, time.GetUtcNow()));
            return DeliveryAnswer.Drop;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "Event {EventId} ({Type}) could not be stored; asking for redelivery", eventId, type);
            return DeliveryAnswer.Retry;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventId} ({Type}): {Result}")]
    private static partial void LogHandled(ILogger logger, string eventId, string? type, ApplyResult result);

    private static T Read<T>(JsonElement data) =>
        data.Deserialize<T>(PlatformCopy.Json) ?? throw new InvalidEventException("data is null");

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidEventException($"{field} is missing") : value;

    private Task<ApplyResult> ScheduledAsync(string eventId, PublicityScheduled e)
    {
        var entryId = Required(e.Entry, "entryId");
        Required(e.BatchId, "batchId");
        return copy.ApplyAsync<PublicityCopy>(eventId, CopyKeys.Publicity(entryId), held => (held ?? new PublicityCopy { EntryId = entryId }) with
        {
            Kind = e.Kind ?? (e.BranchId is null ? "organisation" : "branch"),
            FilingId = e.FilingId,
            BatchId = e.BatchId,
            BranchId = e.BranchId,
            OrganisationId = e.OrganisationId,
            OrganisationName = e.OrganisationName,
            BranchName = e.BranchName,
            CreditCode = e.CreditCode,
            RegionCode = e.RegionCode,
            RegionName = e.RegionName,
            Address = e.Address,
            FilingNumber = e.FilingNumber,
            SponsorId = e.SponsorId,
            SponsorName = e.SponsorName,
            Occupations = e.Occupations ?? [],
            OpensOn = e.OpensOn,
            ClosesOn = e.ClosesOn,
            Announced = true,
        }, Index);
    }

    private Task<ApplyResult> RaisedAsync(string eventId, ObjectionRaised e)
    {
        var entryId = Required(e.Entry, "entryId");
        Required(e.ObjectionId, "objectionId");
        return copy.ApplyAsync<PublicityCopy>(eventId, CopyKeys.Publicity(entryId), held =>
        {
            var entry = held ?? new PublicityCopy { EntryId = entryId, BatchId = e.BatchId, FilingId = e.FilingId, BranchId = e.BranchId, OrganisationId = e.OrganisationId, RegionCode = e.RegionCode, RegionName = e.RegionName };
            var known = entry.Objections.FirstOrDefault(o => o.ObjectionId == e.ObjectionId);
            var objection = (known ?? new ObjectionCopy(e.ObjectionId, null, null, null, null)) with { RaisedAt = e.RaisedAt };
            return entry with { Objections = WithObjection(entry.Objections, objection) };
        }, Index);
    }

    private Task<ApplyResult> ResolvedAsync(string eventId, ObjectionResolved e)
    {
        var entryId = Required(e.Entry, "entryId");
        Required(e.ObjectionId, "objectionId");
        Required(e.Outcome, "outcome");
        return copy.ApplyAsync<PublicityCopy>(eventId, CopyKeys.Publicity(entryId), held =>
        {
            var entry = held ?? new PublicityCopy { EntryId = entryId, BatchId = e.BatchId, FilingId = e.FilingId, BranchId = e.BranchId, OrganisationId = e.OrganisationId, RegionCode = e.RegionCode };
            var known = entry.Objections.FirstOrDefault(o => o.ObjectionId == e.ObjectionId);
            var objection = (known ?? new ObjectionCopy(e.ObjectionId, null, null, null, null)) with { Outcome = e.Outcome, Reason = e.Reason, ResolvedAt = e.ResolvedAt };
            return entry with { Objections = WithObjection(entry.Objections, objection) };
        }, Index);
    }

    private Task<ApplyResult> ConcludedAsync(string eventId, PublicityConcluded e)
    {
        var entryId = Required(e.Entry, "entryId");
        Required(e.Outcome, "outcome");
        return copy.ApplyAsync<PublicityCopy>(eventId, CopyKeys.Publicity(entryId), held =>
        {
            var entry = held ?? new PublicityCopy
            {
                EntryId = entryId, Kind = e.Kind, BatchId = e.BatchId, FilingId = e.FilingId, BranchId = e.BranchId, OrganisationId = e.OrganisationId,
                RegionCode = e.RegionCode, RegionName = e.RegionName, FilingNumber = e.FilingNumber, OpensOn = e.OpensOn, ClosesOn = e.ClosesOn,
            };
            return entry.Outcome == e.Outcome && entry.ConcludedAt == e.ConcludedAt ? null : entry with { Outcome = e.Outcome, ConcludedAt = e.ConcludedAt };
        }, Index);
    }

    private async Task<ApplyResult> DirectoryAsync(string eventId, DirectoryPublished e)
    {
        var batchId = Required(e.BatchId, "batchId");
        var exportSha256 = Required(e.ExportSha256, "exportSha256");
        if (e.Version < 1)
        {
            throw new InvalidEventException($"version {e.Version} is not a version number");
        }

        var received = new DirectoryVersionCopy(
            batchId, e.Version, exportSha256.ToLowerInvariant(), e.PreviousSha256?.ToLowerInvariant(), e.PublishedAt,
            e.OrganisationCount ?? e.Organisations?.Count ?? 0,
            e.BranchCount ?? e.Organisations?.Sum(o => o.Branches?.Count ?? 0) ?? 0,
            e.Organisations ?? [], e.Added ?? new DirectoryChange([], []), e.Removed ?? new DirectoryChange([], []),
            eventId, time.GetUtcNow());

        // A version is immutable: the first copy held of it stays. Storing an older version (it fills in the chain)
        // does not make it the latest, because the latest is the highest version number held.
        var result = await copy.ApplyAsync<DirectoryVersionCopy>(eventId, CopyKeys.DirectoryVersion(batchId, e.Version), held =>
        {
            if (held is not null && !string.Equals(held.ExportSha256, received.ExportSha256, StringComparison.Ordinal))
            {
                logger.LogError(
                    "Directory {BatchId} version {Version} arrived again with another hash ({Received}, held {Held}); the first copy stays",
                    batchId, e.Version, received.ExportSha256, held.ExportSha256);
            }

            return held is null ? received : null;
        }, (transaction, version) =>
        {
            _ = transaction.SortedSetAddAsync(CopyKeys.DirectoryVersions(version.BatchId), version.Version, version.Version);
            _ = transaction.HashSetAsync(CopyKeys.DirectoryChain(version.BatchId), version.Version, new ChainLink(version.ExportSha256, version.PreviousSha256).ToString());
            _ = transaction.SetAddAsync(CopyKeys.DirectoryBatches, version.BatchId);
        });
        if (result == ApplyResult.Applied)
        {
            verifier.Enqueue(batchId, e.Version, received.ExportSha256);
        }

        return result;
    }

    private static void Index(ITransaction transaction, PublicityCopy entry) =>
        _ = transaction.SetAddAsync(CopyKeys.PublicityIndex, entry.EntryId);

    // In the order they were raised; one known already is updated in its place.
    private static List<ObjectionCopy> WithObjection(IReadOnlyList<ObjectionCopy> objections, ObjectionCopy objection) =>
        [.. (objections.Any(o => o.ObjectionId == objection.ObjectionId)
                ? objections.Select(o => o.ObjectionId == objection.ObjectionId ? objection : o)
                : objections.Append(objection))
            .OrderBy(o => o.RaisedAt ?? o.ResolvedAt ?? DateTimeOffset.MaxValue)];
}

/// <summary>The event's data lacks what the platform needs; retrying cannot help.</summary>
public sealed class InvalidEventException(string message) : Exception(message);
