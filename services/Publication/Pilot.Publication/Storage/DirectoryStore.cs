using System.Collections.Concurrent;
using System.Globalization;
using Pilot.Commands;
using Pilot.Publication.Domain.Directory;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.Publication.Storage;

/// <summary>
/// Directory versions in Redis. A version never changes once written, so its parsed content is kept in memory after
/// the first read: a public query costs one read of the latest version number and a walk of the cached content.
/// </summary>
internal sealed class DirectoryStore(IConnectionMultiplexer redis)
{
    // Versions are immutable; only the number of the latest moves. Bounded by the versions ever published.
    private readonly ConcurrentDictionary<(string BatchId, int Version), Lazy<Task<PublishedDirectory?>>> cache = new();

    public async Task<int> LatestVersionAsync(string batchId)
    {
        var latest = await redis.GetDatabase().StringGetAsync(PublicationKeys.LatestDirectory(batchId)).ConfigureAwait(false);
        return latest.IsNullOrEmpty ? 0 : int.Parse(latest.ToString(), CultureInfo.InvariantCulture);
    }

    /// <summary>A version (0: the latest), or null when the batch has no such version.</summary>
    public async Task<PublishedDirectory?> FindAsync(string batchId, int version)
    {
        if (version <= 0)
        {
            version = await LatestVersionAsync(batchId).ConfigureAwait(false);
            if (version == 0)
            {
                return null;
            }
        }

        var lazy = cache.GetOrAdd((batchId, version), key => new Lazy<Task<PublishedDirectory?>>(() => LoadAsync(key.BatchId, key.Version)));
        var found = await lazy.Value.ConfigureAwait(false);
        if (found is null)
        {
            // Not published (yet): do not remember the absence.
            cache.TryRemove((batchId, version), out _);
        }

        return found;
    }

    public async Task<IReadOnlyList<DirectoryVersion>> ListVersionsAsync(string batchId)
    {
        var latest = await LatestVersionAsync(batchId).ConfigureAwait(false);
        var database = redis.GetDatabase();
        var reads = Enumerable.Range(1, latest).Select(version => database.HashGetAsync(PublicationKeys.DirectoryVersion(batchId, version), "version")).ToList();
        var records = await Task.WhenAll(reads).ConfigureAwait(false);
        return records.Where(record => !record.IsNullOrEmpty).Select(record => PublicationJson.Read<DirectoryVersion>(record.ToString())).ToList();
    }

    public async Task<DirectoryReads> ReadLatestAsync(string batchId)
    {
        var latest = await redis.GetDatabase().StringGetAsync(PublicationKeys.LatestDirectory(batchId)).ConfigureAwait(false);
        var version = latest.IsNullOrEmpty ? 0 : int.Parse(latest.ToString(), CultureInfo.InvariantCulture);
        return new DirectoryReads(batchId, latest, version == 0 ? null : await FindAsync(batchId, version).ConfigureAwait(false));
    }

    public static void Publish(IStateWrites writes, DirectoryVersion version, byte[] export)
    {
        writes.HashSet(
            PublicationKeys.DirectoryVersion(version.BatchId, version.Version),
            new HashEntry("version", PublicationJson.Write(version)),
            new HashEntry("export", export));
        writes.StringSet(PublicationKeys.LatestDirectory(version.BatchId), version.Version.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<PublishedDirectory?> LoadAsync(string batchId, int version)
    {
        var fields = await redis.GetDatabase().HashGetAsync(PublicationKeys.DirectoryVersion(batchId, version), ["version", "export"]).ConfigureAwait(false);
        if (fields[0].IsNullOrEmpty || fields[1].IsNullOrEmpty)
        {
            return null;
        }

        var export = (byte[])fields[1]!;
        return new PublishedDirectory(PublicationJson.Read<DirectoryVersion>(fields[0].ToString()), DirectoryCanonicalJson.Read(export), export);
    }
}

/// <summary>A published version: what is listed about it, its content, and the exact bytes its hash covers.</summary>
internal sealed record PublishedDirectory(DirectoryVersion Version, DirectoryContent Content, byte[] Export);

/// <summary>The latest version of a batch's directory as read before publishing the next: it must still be the latest.</summary>
internal sealed class DirectoryReads(string batchId, RedisValue latest, PublishedDirectory? current) : ICommandReads
{
    public PublishedDirectory? Current => current;

    public void AddConditions(IStateWrites commit)
    {
        if (latest.IsNull)
        {
            commit.Absent(PublicationKeys.LatestDirectory(batchId));
        }
        else
        {
            commit.StringEquals(PublicationKeys.LatestDirectory(batchId), latest);
        }
    }
}
