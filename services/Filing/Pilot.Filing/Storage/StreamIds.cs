using System.Globalization;

namespace Pilot.Filing.Storage;

/// <summary>Redis stream entry ids (<c>ms-seq</c>): the watch's cursors and the positions of the audit trail's pages.</summary>
internal static class StreamIds
{
    public static (ulong Ms, ulong Seq)? Parse(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var dash = id.IndexOf('-', StringComparison.Ordinal);
        return dash > 0
            && ulong.TryParse(id.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            && ulong.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            ? (ms, seq)
            : null;
    }

    /// <summary>The smallest id after <paramref name="last"/> (the stream's start for none), so a range excludes what the reader already has.</summary>
    public static string Successor((ulong Ms, ulong Seq)? last) => last switch
    {
        null => "-",
        { Seq: ulong.MaxValue } id => $"{id.Ms + 1}-0",
        { } id => $"{id.Ms}-{id.Seq + 1}",
    };

    /// <summary>The largest id before <paramref name="next"/> (the stream's end for none); 0-0 has none, so the caller stops there.</summary>
    public static string Predecessor((ulong Ms, ulong Seq)? next) => next switch
    {
        null => "+",
        { Ms: 0, Seq: 0 } => throw new ArgumentOutOfRangeException(nameof(next), "no stream entry comes before 0-0"),
        { Seq: 0 } id => $"{id.Ms - 1}-{ulong.MaxValue}",
        { } id => $"{id.Ms}-{id.Seq - 1}",
    };
}
