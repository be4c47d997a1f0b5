using System.Globalization;
using System.Text;
using Pilot.SharedKernel;

namespace Pilot.ServiceDefaults.Grpc.Input;

/// <summary>
/// What one field of a request may hold, checked on the wire message before any handler runs. <see cref="Describe"/>
/// is the sentence the field's <c>.proto</c> comment states after <c>Limit:</c> (a test holds the two together).
/// A limit says nothing about whether a field is required: the domain decides that, with its own reasons.
/// </summary>
public abstract record FieldLimit
{
    /// <summary>The sentence stated in the <c>.proto</c> comment, after "Limit: ".</summary>
    public abstract string Describe();

    /// <summary>One line of text: no control characters, at most <paramref name="maxChars"/> characters after NFC.</summary>
    public static FieldLimit Text(int maxChars) => new TextLimit(maxChars, AllowsLineBreaks: false);

    /// <summary>Prose: like <see cref="Text"/> but line breaks and tabs are allowed.</summary>
    public static FieldLimit Prose(int maxChars) => new TextLimit(maxChars, AllowsLineBreaks: true);

    /// <summary>An id or code: printable ASCII without spaces, at most <paramref name="maxChars"/>.</summary>
    public static FieldLimit Code(int maxChars) => new CodeLimit(maxChars);

    /// <summary>A date <c>yyyy-MM-dd</c> between <see cref="FieldLimits.EarliestDate"/> and <see cref="FieldLimits.LatestDate"/>, or empty.</summary>
    public static FieldLimit Date() => new DateLimit(FieldLimits.EarliestDate, FieldLimits.LatestDate);

    /// <summary>A repeated message field of at most <paramref name="maxItems"/> items (each item's fields have limits of their own).</summary>
    public static FieldLimit Items(int maxItems) => new ItemsLimit(maxItems, null);

    /// <summary>A repeated string field of at most <paramref name="maxItems"/> items, each within <paramref name="each"/>.</summary>
    public static FieldLimit Items(int maxItems, FieldLimit each) => new ItemsLimit(maxItems, each);

    /// <summary>A repeated integer field: each value from <paramref name="min"/> to <paramref name="max"/>, none twice.</summary>
    public static FieldLimit DistinctIntegers(int min, int max) => new DistinctIntegersLimit(min, max);

    /// <summary>An integer from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static FieldLimit Range(long min, long max) => new RangeLimit(min, max);

    /// <summary>Bytes: at most <paramref name="maxBytes"/>.</summary>
    public static FieldLimit Bytes(int maxBytes) => new BytesLimit(maxBytes);
}

/// <summary>Free text, normalised to NFC before it is counted, compared or stored.</summary>
public sealed record TextLimit(int MaxChars, bool AllowsLineBreaks) : FieldLimit
{
    public override string Describe() => AllowsLineBreaks
        ? $"at most {MaxChars} characters; line breaks allowed, no other control characters"
        : $"at most {MaxChars} characters, one line, no control characters";

    /// <summary>The problem with <paramref name="value"/>, or null; <paramref name="normalised"/> is its NFC form.</summary>
    public string? Problem(string value, out string normalised)
    {
        normalised = value;

        // A cheap bound first: no text of MaxChars characters needs more than two UTF-16 units for each.
        if (value.Length > MaxChars * 2)
        {
            return $"must be at most {MaxChars} characters, this has {value.Length} or more";
        }

        var forbidden = TextChecks.FirstForbidden(value, allowLineBreaks: AllowsLineBreaks);
        if (forbidden is not null)
        {
            return forbidden;
        }

        if (!value.IsNormalized(NormalizationForm.FormC))
        {
            normalised = value.Normalize(NormalizationForm.FormC);
        }

        var chars = TextChecks.CodePoints(normalised);
        return chars > MaxChars ? $"must be at most {MaxChars} characters, this has {chars}" : null;
    }
}

/// <summary>Ids and codes: printable ASCII, no spaces; their exact shape is the domain's to check.</summary>
public sealed record CodeLimit(int MaxChars) : FieldLimit
{
    public override string Describe() => $"at most {MaxChars} characters, printable ASCII without spaces";

    public string? Problem(string value)
    {
        if (value.Length > MaxChars)
        {
            return $"must be at most {MaxChars} characters, this has {value.Length}";
        }

        foreach (var c in value)
        {
            if (c is < '!' or > '~')
            {
                return $"must be printable ASCII without spaces; it holds {TextChecks.Name(c)}";
            }
        }

        return null;
    }
}

public sealed record DateLimit(DateOnly Earliest, DateOnly Latest) : FieldLimit
{
    public override string Describe() =>
        $"a date yyyy-MM-dd from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}, or empty";

    public string? Problem(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (value.Length != 10 || !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return $"'{Shortened.To(value, 24)}' is not a date in the form yyyy-MM-dd";
        }

        return date < Earliest || date > Latest
            ? $"{value} is outside the dates Pilot accepts ({Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd})"
            : null;
    }
}

public sealed record ItemsLimit(int MaxItems, FieldLimit? Each) : FieldLimit
{
    public override string Describe() => Each is null
        ? $"at most {MaxItems} items"
        : $"at most {MaxItems} items, each {Each.Describe()}";
}

public sealed record DistinctIntegersLimit(int Min, int Max) : FieldLimit
{
    public override string Describe() => $"values from {Min} to {Max}, each at most once";
}

public sealed record RangeLimit(long Min, long Max) : FieldLimit
{
    public override string Describe() => $"from {Min} to {Max}";
}

public sealed record BytesLimit(int MaxBytes) : FieldLimit
{
    public override string Describe() => $"at most {MaxBytes} bytes";
}

/// <summary>Character checks shared by the text limits.</summary>
internal static class TextChecks
{
    /// <summary>The first character text may not hold, described; or null.</summary>
    public static string? FirstForbidden(string value, bool allowLineBreaks)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (allowLineBreaks && c is '\n' or '\r' or '\t')
            {
                continue;
            }

            if (char.IsControl(c))
            {
                return allowLineBreaks
                    ? $"must hold no control characters other than line breaks and tabs; it holds {Name(c)}"
                    : $"must be one line without control characters; it holds {Name(c)}";
            }

            if (char.IsSurrogate(c))
            {
                return $"holds a lone surrogate ({Name(c)}), which is not a character";
            }

            // Characters that reorder or hide what a reader sees (bidirectional overrides and isolates, the byte-order
            // mark inside text, noncharacters): nothing in a name, address or reason needs them.
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFEFF' or '\uFFFE' or '\uFFFF')
            {
                return $"holds {Name(c)}, a character that changes how text is shown";
            }
        }

        return null;
    }

    public static int CodePoints(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    public static string Name(char c) => $"U+{(int)c:X4}";
}
