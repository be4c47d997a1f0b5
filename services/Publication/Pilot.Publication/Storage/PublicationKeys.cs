namespace Pilot.Publication.Storage;

/// <summary>Publication's own Redis keys; no other service reads them.</summary>
internal static class PublicationKeys
{
    /// <summary>Hash: <c>record</c> (the entry as JSON), <c>closesOn</c> (ISO date), <c>status</c>.</summary>
    public static string Entry(string entryId) => $"publication:publicity:{entryId}";

    /// <summary>Sorted set of a batch's entries in their window or waiting for a resolution, by closing instant (ms).</summary>
    public static string Running(string batchId) => $"publication:running:{batchId}";

    /// <summary>The same for the branches of one region.</summary>
    public static string RunningInRegion(string batchId, string regionCode) => $"publication:running:{batchId}:{regionCode}";

    /// <summary>Sorted set of a batch's entries whose publicity has concluded (passed or withdrawn), by closing instant (ms).</summary>
    public static string Ended(string batchId) => $"publication:ended:{batchId}";

    /// <summary>The same for the branches of one region.</summary>
    public static string EndedInRegion(string batchId, string regionCode) => $"publication:ended:{batchId}:{regionCode}";

    /// <summary>Sorted set of a batch's entries that passed (by when, ms): the directory's candidates (R5).</summary>
    public static string ReadyForDirectory(string batchId) => $"publication:ready:{batchId}";

    /// <summary>String: an objection as JSON, with the objector's contact (never shown to the public).</summary>
    public static string Objection(string objectionId) => $"publication:objection:{objectionId}";

    /// <summary>String: the bytes of an objection's evidence file.</summary>
    public static string Evidence(string objectionId) => $"publication:evidence:{objectionId}";

    /// <summary>Sorted set of an entry's objections by when raised (ms).</summary>
    public static string ObjectionsOfEntry(string entryId) => $"publication:objections:{entryId}";

    /// <summary>Sorted set of a batch's objections by when raised (ms), for those who resolve them.</summary>
    public static string ObjectionsOfBatch(string batchId) => $"publication:objections-of-batch:{batchId}";

    /// <summary>String: the number of a batch's latest directory version.</summary>
    public static string LatestDirectory(string batchId) => $"publication:directory:{batchId}:latest";

    /// <summary>Hash: <c>version</c> (the listed version as JSON) and <c>export</c> (the canonical export's bytes, hashed as stored).</summary>
    public static string DirectoryVersion(string batchId, int version) => $"publication:directory:{batchId}:v{version}";
}
