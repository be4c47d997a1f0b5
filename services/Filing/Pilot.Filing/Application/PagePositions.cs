using Pilot.Filing.Storage;
using Pilot.SharedKernel;

namespace Pilot.Filing.Application;

/// <summary>
/// What Filing's page tokens name (opaque keyset tokens, <see cref="PageTokens"/>): the last entry of a filing index's
/// page, or the last audit record's stream id. A token that decodes to neither was not handed out by the list and is
/// refused as <c>page_token</c>, never passed on to Redis.
/// </summary>
internal static class PagePositions
{
    public static string Token(IndexPosition last) => PageTokens.Encode(last.ToString());

    public static string Token(string streamId) => PageTokens.Encode(streamId);

    /// <summary>The index entry a page ends at; null for the first page.</summary>
    public static IndexPosition? InIndex(string? pageToken) =>
        PageTokens.Decode(pageToken) is not { } position ? null
        : IndexPosition.TryParse(position, out var after) ? after
        : throw Refused();

    /// <summary>The stream entry a page ends at; null for the first page.</summary>
    public static (ulong Ms, ulong Seq)? InStream(string? pageToken) =>
        PageTokens.Decode(pageToken) is not { } position ? null
        : StreamIds.Parse(position) ?? throw Refused();

    private static DomainException Refused() =>
        DomainException.Invalid("page_token", "page_token must be a next_page_token from an earlier answer of the same list, passed back unchanged");
}
