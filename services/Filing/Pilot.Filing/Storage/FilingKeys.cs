namespace Pilot.Filing.Storage;

/// <summary>
/// Every Redis key the Filing service owns; all start with <c>filing:</c>. The answers to request ids are the command
/// pipeline's, under <c>filing:request:&lt;subject&gt;:&lt;request id&gt;</c> (<see cref="Pilot.Commands.CommandKeys"/>).
/// </summary>
internal static class FilingKeys
{
    /// <summary>The field of a package's or filing's hash that a command's commit is conditioned on.</summary>
    public const string VersionField = "version";

    /// <summary>The field of a filing's hash, and of its change entries, that holds the filing (<see cref="Application.FilingView"/> JSON).</summary>
    public const string RecordField = "record";

    /// <summary>The field of a package's hash that holds the package (MaterialPackage JSON).</summary>
    public const string StateField = "state";

    /// <summary>Hash: <c>version</c>, <c>state</c> (MaterialPackage JSON).</summary>
    public static string Package(string packageId) => $"filing:package:{packageId}";

    /// <summary>Hash: <c>version</c> and <c>record</c> (the filing and its branch's credit code, JSON: what clients and decisions read).</summary>
    public static string Filing(string filingId) => FilingPrefix + filingId;

    public const string FilingPrefix = "filing:filing:";

    /// <summary>Sorted sets of filing ids scored by first submission (ms), for paging.</summary>
    public const string AllFilings = "filing:filings";

    public static string RegionFilings(string regionCode) => $"filing:filings:region:{regionCode}";

    /// <summary>
    /// The region's filings in one status, same scores: what a bureau's "submitted, page by page" reads without
    /// stepping over every filing it already decided.
    /// </summary>
    public static string RegionStatusFilings(string regionCode, Domain.Filings.FilingStatus status) =>
        $"filing:filings:region:{regionCode}:status:{status.ToString().ToLowerInvariant()}";

    public static string OrganisationFilings(string orgId) => $"filing:filings:org:{orgId}";

    /// <summary>
    /// Counter raised by every filing change in the region, in the same commit: a page of the region's lists read
    /// at one value is still exact while the counter has not moved.
    /// </summary>
    public static string RegionVersion(string regionCode) => $"filing:region-version:{regionCode}";

    /// <summary>String: the filing id holding a filing number (备案编号) in a region.</summary>
    public static string FilingNumber(string regionCode, string filingNumber) => $"filing:number:{regionCode}:{filingNumber}";

    /// <summary>Stream of a region's filing changes (<c>kind</c>, <c>record</c>); WatchFilings' cursor is the entry id.</summary>
    public static string RegionChanges(string regionCode) => $"filing:changes:{regionCode}";

    /// <summary>Streams of audit records (field <c>record</c>, JSON): everything, and per region.</summary>
    public const string Audit = "filing:audit";

    public static string RegionAudit(string regionCode) => $"filing:audit:region:{regionCode}";

    /// <summary>Hash: <c>size</c>, <c>kind</c>, <c>fileName</c> of an uploaded document.</summary>
    public static string Upload(string sha256) => $"filing:upload:{sha256}";

    /// <summary>Hash: <c>{kind}:{itemId}</c> → TrackedItem JSON, what a batch's reminders look at.</summary>
    public static string DueItems(string batchId) => $"filing:due:{batchId}";
}
