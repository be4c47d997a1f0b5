using Pilot.Filing.Domain.Files;

namespace Pilot.Filing;

/// <summary>Settings of the Filing service, bound from <c>Pilot:Filing</c>.</summary>
public sealed class FilingOptions
{
    public const string SectionName = "Pilot:Filing";

    /// <summary>Largest document accepted by UploadDocument.</summary>
    public long MaxUploadBytes { get; set; } = UploadLimits.DefaultMaxBytes;

    /// <summary>
    /// How often WatchFilings looks for new changes once it has caught up, for changes committed by other instances
    /// of the service (this instance's own commits wake its watches at once). Polling keeps the shared Redis
    /// connection free of blocking reads; a quarter second is well inside what a bureau notices.
    /// </summary>
    public TimeSpan WatchPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long a watch woken by a change waits before reading, so a burst of changes (a bureau deciding a list)
    /// is read and sent together rather than one Redis read per change.
    /// </summary>
    public TimeSpan WatchGatherDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// How many pages of bureaus' work lists (a region's filings in one status) are kept in memory, each valid
    /// until the region's next filing change; 0 turns the cache off.
    /// </summary>
    public int ListCachePages { get; set; } = 1024;
}
