namespace Pilot.FactCopies;

/// <summary>
/// The keys of the copies, under the consuming app's own prefix (its bus app id): a copy is the app's state, never
/// the producer's, and no other service reads it.
/// </summary>
public static class FactCopyKeys
{
    /// <summary>The copied fact as JSON.</summary>
    public const string FactField = "fact";

    /// <summary>The CloudEvents <c>time</c> of the newest event applied to the copy, UTC round-trip format.</summary>
    public const string TimeField = "time";

    /// <summary>The CloudEvents <c>id</c> of that event.</summary>
    public const string EventField = "event";

    /// <summary>Hash with <see cref="FactField"/>, <see cref="TimeField"/> and <see cref="EventField"/>.</summary>
    public static string Fact(string appId, string kind, string id) => $"{appId}:copy:{kind}:{id}";

    /// <summary>
    /// Sorted set of every id of the kind, all scored 0 so they sort by id (byte order) and page by cursor. Kinds hold
    /// no ':', so this key can never be a fact's key of another kind.
    /// </summary>
    public static string Ids(string appId, string kind) => $"{appId}:copy:{kind}";
}
