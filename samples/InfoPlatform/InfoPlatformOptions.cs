namespace Pilot.Samples.InfoPlatform;

/// <summary>Settings under <c>InfoPlatform</c>.</summary>
public sealed class InfoPlatformOptions
{
    public const string Section = "InfoPlatform";

    /// <summary>
    /// Publication's HTTP base address (e.g. http://localhost:5203). When set, each new directory version's JSON
    /// export is fetched and its SHA-256 compared with the event's exportSha256. Off when unset.
    /// </summary>
    public Uri? PublicationUrl { get; set; }

    /// <summary>How long a handled CloudEvent id is remembered (the dedupe marker's expiry).</summary>
    public TimeSpan DedupeRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Timeout of one export fetch.</summary>
    public TimeSpan ExportFetchTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Fetch attempts for one export before it is marked unavailable.</summary>
    public int ExportFetchAttempts { get; set; } = 5;
}
