using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Pilot.Samples.InfoPlatform.Copy;

public enum ApplyResult
{
    /// <summary>The change is written, with the event's handled marker.</summary>
    Applied,

    /// <summary>The event changes nothing (already known by meaning); its marker is written.</summary>
    Unchanged,

    /// <summary>The event id was handled before: nothing written.</summary>
    Duplicate,

    /// <summary>The key kept changing under us; the caller should have the event redelivered.</summary>
    Conflict,
}

/// <summary>
/// The platform's copy in its own Redis keys (<see cref="CopyKeys"/>). Each event is applied with an optimistic
/// transaction: the handled marker must still be absent and the record still as read, so a redelivered event or two
/// deliveries at once change nothing twice.
/// </summary>
public sealed class PlatformCopy(IConnectionMultiplexer redis, IOptions<InfoPlatformOptions> options, TimeProvider time)
{
    private const int MaxAttempts = 8;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// Applies <paramref name="change"/> to the JSON record at <paramref name="key"/> (null when absent) once for
    /// <paramref name="eventId"/>. The change returns the new record, or null when the event changes nothing.
    /// </summary>
    public async Task<ApplyResult> ApplyAsync<T>(string eventId, string key, Func<T?, T?> change, Action<ITransaction, T>? alsoWrite = null)
        where T : class
    {
        var marker = CopyKeys.Handled(eventId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var db = Db;
            var handled = db.KeyExistsAsync(marker);
            var current = db.StringGetAsync(key);
            if (await handled)
            {
                return ApplyResult.Duplicate;
            }

            var read = await current;
            var next = change(read.IsNull ? null : JsonSerializer.Deserialize<T>(read.ToString(), Json));

            var transaction = db.CreateTransaction();
            transaction.AddCondition(Condition.KeyNotExists(marker));
            transaction.AddCondition(read.IsNull ? Condition.KeyNotExists(key) : Condition.StringEqual(key, read));
            if (next is not null)
            {
                _ = transaction.StringSetAsync(key, JsonSerializer.Serialize(next, Json));
                alsoWrite?.Invoke(transaction, next);
            }

            _ = transaction.StringSetAsync(marker, time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), options.Value.DedupeRetention);
            if (await transaction.ExecuteAsync())
            {
                return next is null ? ApplyResult.Unchanged : ApplyResult.Applied;
            }
        }

        return ApplyResult.Conflict;
    }

    public async Task<IReadOnlyList<PublicityCopy>> ListPublicityAsync()
    {
        var db = Db;
        var ids = await db.SetMembersAsync(CopyKeys.PublicityIndex);
        if (ids.Length == 0)
        {
            return [];
        }

        var values = await db.StringGetAsync([.. ids.Select(id => (RedisKey)CopyKeys.Publicity(id.ToString()))]);
        return [.. values.Where(v => !v.IsNull)
            .Select(v => JsonSerializer.Deserialize<PublicityCopy>(v.ToString(), Json)!)
            .OrderBy(e => e.ClosesOn ?? DateOnly.MaxValue)
            .ThenBy(e => e.RegionCode, StringComparer.Ordinal)
            .ThenBy(e => e.EntryId, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<string>> ListBatchesAsync() =>
        [.. (await Db.SetMembersAsync(CopyKeys.DirectoryBatches)).Select(b => b.ToString()).Order(StringComparer.Ordinal)];

    /// <summary>The highest version held of the batch (an older one arriving late never replaces it).</summary>
    public async Task<DirectoryVersionCopy?> LatestDirectoryAsync(string batchId)
    {
        var latest = await Db.SortedSetRangeByRankAsync(CopyKeys.DirectoryVersions(batchId), 0, 0, Order.Descending);
        return latest.Length == 0 ? null : await DirectoryVersionAsync(batchId, (int)latest[0]);
    }

    public async Task<DirectoryVersionCopy?> DirectoryVersionAsync(string batchId, int version)
    {
        var value = await Db.StringGetAsync(CopyKeys.DirectoryVersion(batchId, version));
        return value.IsNull ? null : JsonSerializer.Deserialize<DirectoryVersionCopy>(value.ToString(), Json);
    }

    /// <summary>Checks the hash chain as far as the versions held allow (see <see cref="ChainReport"/>).</summary>
    public async Task<ChainReport> ChainAsync(string batchId)
    {
        var links = (await Db.HashGetAllAsync(CopyKeys.DirectoryChain(batchId)))
            .ToDictionary(e => int.Parse(e.Name.ToString(), CultureInfo.InvariantCulture), e => ChainLink.Parse(e.Value.ToString()));
        return ChainCheck.Of(links);
    }

    public async Task<ExportCheck?> ExportCheckAsync(string batchId, int version)
    {
        var value = await Db.HashGetAsync(CopyKeys.ExportChecks(batchId), version);
        return value.IsNull ? null : JsonSerializer.Deserialize<ExportCheck>(value.ToString(), Json);
    }

    public Task SaveExportCheckAsync(string batchId, int version, ExportCheck check) =>
        Db.HashSetAsync(CopyKeys.ExportChecks(batchId), version, JsonSerializer.Serialize(check, Json));

    public async Task RecordDroppedAsync(DroppedEvent dropped)
    {
        var transaction = Db.CreateTransaction();
        _ = transaction.ListLeftPushAsync(CopyKeys.Dropped, JsonSerializer.Serialize(dropped, Json));
        _ = transaction.ListTrimAsync(CopyKeys.Dropped, 0, 99);
        await transaction.ExecuteAsync();
    }

    public async Task<IReadOnlyList<DroppedEvent>> ListDroppedAsync() =>
        [.. (await Db.ListRangeAsync(CopyKeys.Dropped, 0, 99)).Select(v => JsonSerializer.Deserialize<DroppedEvent>(v.ToString(), Json)!)];
}
