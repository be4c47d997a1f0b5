namespace Pilot.SharedKernel;

/// <summary>
/// Input echoed back (in an error, an audit record) is cut to a short prefix, so a hostile request of megabytes never
/// returns or stores megabytes. A cut never splits a surrogate pair, and ends with "…" so a reader sees it was cut.
/// </summary>
public static class Shortened
{
    public static string To(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        if (text.Length <= max)
        {
            return text;
        }

        var keep = max - 1;
        return string.Concat(text.AsSpan(0, char.IsHighSurrogate(text[keep - 1]) ? keep - 1 : keep), "…");
    }

    public static string? ToOrNull(string? text, int max) => text is null ? null : To(text, max);
}
