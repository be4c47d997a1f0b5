using System.Buffers.Text;
using System.Text;

namespace Pilot.SharedKernel;

/// <summary>
/// The one paging style of every list method: an opaque keyset token naming the last item of the page, so items that
/// come or go while a client pages never shift the next page. Clients only pass back what they were given; a token
/// they made up or cut short is refused as <c>page_token</c>, never answered with an error of the storage.
/// </summary>
public static class PageTokens
{
    // A version prefix, so the encoding can change without misreading tokens handed out before.
    private const string Prefix = "p1.";
    private const int MaxPositionBytes = 512;

    public static string Encode(string position)
    {
        ArgumentException.ThrowIfNullOrEmpty(position);
        return Prefix + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(position));
    }

    /// <summary>The position a token names; null for an empty token (the first page).</summary>
    public static string? Decode(string? token, string field = "page_token")
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        if (token.Length <= Prefix.Length || token.Length > Prefix.Length + Base64Url.GetEncodedLength(MaxPositionBytes)
            || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw Refused(field);
        }

        try
        {
            var position = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(Prefix.Length)));
            return position.Length == 0 || position.Contains('\uFFFD', StringComparison.Ordinal) ? throw Refused(field) : position;
        }
        catch (FormatException)
        {
            throw Refused(field);
        }
    }

    private static DomainException Refused(string field) =>
        DomainException.Invalid(field, $"{field} must be a next_page_token from an earlier answer of the same list, passed back unchanged");
}
