using System.Globalization;

namespace Pilot.Filing.Storage;

/// <summary>Redis stream entry ids (<c>ms-seq</c>), which cursors and page tokens are.</summary>
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

    public static bool IsValid(string? id) => Parse(id) is not null;
}
