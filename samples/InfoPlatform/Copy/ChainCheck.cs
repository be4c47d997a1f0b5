namespace Pilot.Samples.InfoPlatform.Copy;

/// <summary>One version's place in the chain: its own export hash and the hash it names as its predecessor's.</summary>
public sealed record ChainLink(string ExportSha256, string? PreviousSha256)
{
    public override string ToString() => PreviousSha256 is null ? ExportSha256 : $"{ExportSha256} {PreviousSha256}";

    public static ChainLink Parse(string value)
    {
        var parts = value.Split(' ', 2);
        return new ChainLink(parts[0], parts.Length > 1 ? parts[1] : null);
    }
}

/// <summary>
/// The hash chain of a batch's directory, checked from events alone: every version from 1 to the latest must be held,
/// version 1 names no predecessor, and version n's previousSha256 equals the exportSha256 of version n−1 held here.
/// </summary>
public static class ChainCheck
{
    public static ChainReport Of(IReadOnlyDictionary<int, ChainLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        if (links.Count == 0)
        {
            return new ChainReport(0, [], []);
        }

        var latest = links.Keys.Max();
        var missing = new List<int>();
        var breaks = new List<ChainBreak>();
        for (var version = 1; version <= latest; version++)
        {
            if (!links.TryGetValue(version, out var link))
            {
                missing.Add(version);
                continue;
            }

            if (version == 1)
            {
                if (link.PreviousSha256 is not null)
                {
                    breaks.Add(new ChainBreak(1, link.PreviousSha256, null));
                }
            }
            else if (links.TryGetValue(version - 1, out var previous)
                && !string.Equals(link.PreviousSha256, previous.ExportSha256, StringComparison.OrdinalIgnoreCase))
            {
                breaks.Add(new ChainBreak(version, link.PreviousSha256, previous.ExportSha256));
            }
        }

        return new ChainReport(latest, missing, breaks);
    }
}
