namespace Pilot.FactCopies;

/// <summary>
/// This app's copy of one kind of another service's facts, kept from its events. Reads are plain reads of the app's
/// own keys: they never wait on the producer, and show the facts as of the last event this app handled.
/// </summary>
public interface IFactCopy<TFact>
    where TFact : class
{
    string Kind { get; }

    /// <summary>The copy of <paramref name="id"/>, or null when no event has built one.</summary>
    Task<TFact?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The copies of those of <paramref name="ids"/> that exist, by id, in one round trip; missing ids are left out.</summary>
    Task<IReadOnlyDictionary<string, TFact>> FindManyAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="count"/> ids in byte order, starting after <paramref name="after"/> (null: from the first).
    /// Pass the last id of a page to get the next; fewer than <paramref name="count"/> means the end.
    /// </summary>
    Task<IReadOnlyList<string>> ListIdsAsync(string? after = null, int count = 100, CancellationToken cancellationToken = default);
}
