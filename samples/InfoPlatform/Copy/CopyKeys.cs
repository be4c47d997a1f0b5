namespace Pilot.Samples.InfoPlatform.Copy;

/// <summary>Every Redis key the platform's copy uses: all under <c>infoplatform:</c>, nothing of Pilot's.</summary>
public static class CopyKeys
{
    public const string Prefix = "infoplatform:";

    /// <summary>String: set when an event id was handled (the CloudEvent id), kept for the dedupe retention.</summary>
    public static string Handled(string eventId) => $"{Prefix}handled:{eventId}";

    /// <summary>String: one publicity entry's <see cref="PublicityCopy"/> as JSON.</summary>
    public static string Publicity(string entryId) => $"{Prefix}publicity:{entryId}";

    /// <summary>Set: the ids of every publicity entry held.</summary>
    public const string PublicityIndex = Prefix + "publicity";

    /// <summary>Set: the batches with at least one directory version.</summary>
    public const string DirectoryBatches = Prefix + "directory:batches";

    /// <summary>String: one directory version's <see cref="DirectoryVersionCopy"/> as JSON (immutable once written).</summary>
    public static string DirectoryVersion(string batchId, int version) => $"{Prefix}directory:{batchId}:v{version}";

    /// <summary>Sorted set: the versions held of a batch, scored by version number; the highest is the latest.</summary>
    public static string DirectoryVersions(string batchId) => $"{Prefix}directory:{batchId}:versions";

    /// <summary>Hash: version → "exportSha256 previousSha256" for the chain check in one read.</summary>
    public static string DirectoryChain(string batchId) => $"{Prefix}directory:{batchId}:chain";

    /// <summary>Hash: version → <see cref="ExportCheck"/> JSON.</summary>
    public static string ExportChecks(string batchId) => $"{Prefix}directory:{batchId}:export-checks";

    /// <summary>List: the latest refused events, newest first (at most 100).</summary>
    public const string Dropped = Prefix + "dropped";
}
