namespace Pilot.Filing.Storage;

/// <summary>
/// How much of each of Filing's streams Redis keeps: every append trims the stream to about this many entries
/// (<c>XADD MAXLEN ~</c>, so Redis trims whole nodes, cheaply), the oldest going first. Refusals are audited too, so
/// without a bound a caller could grow the trail without end; with one, its size is bounded by the count times the
/// bounded record (at most about 2 KB: fields cut to 128/512 characters). docs/filing.md, "Retention", says the same.
/// </summary>
public static class FilingRetention
{
    /// <summary>The whole audit trail (<c>filing:audit</c>): about a million attempts, at most about 2 GB, typically a few hundred MB.</summary>
    public const long AuditEntries = 1_000_000;

    /// <summary>Each region's audit trail (<c>filing:audit:region:*</c>).</summary>
    public const long RegionAuditEntries = 200_000;

    /// <summary>
    /// Each region's change stream (<c>filing:changes:*</c>), which WatchFilings replays: a watch resumed from a cursor
    /// older than the oldest kept change replays from the oldest kept; the filings themselves are never trimmed.
    /// </summary>
    public const long RegionChangeEntries = 200_000;
}
