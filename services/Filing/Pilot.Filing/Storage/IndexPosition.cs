using System.Globalization;

namespace Pilot.Filing.Storage;

/// <summary>
/// Where a page of a filing index ends: the last entry's score (submission time, ms) and filing id, which is how the
/// index orders its entries. A page token names it, so entries that leave the index meanwhile shift nothing.
/// </summary>
internal readonly record struct IndexPosition(long Score, string Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Score}:{Id}");

    public static bool TryParse(string position, out IndexPosition parsed)
    {
        ArgumentNullException.ThrowIfNull(position);
        var colon = position.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon < position.Length - 1
            && long.TryParse(position.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score))
        {
            parsed = new IndexPosition(score, position[(colon + 1)..]);
            return true;
        }

        parsed = default;
        return false;
    }
}
