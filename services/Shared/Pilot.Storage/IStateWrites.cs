using StackExchange.Redis;

namespace Pilot.Storage;

/// <summary>
/// Writes that commit atomically, guarded by conditions on what was read: the steps of a <see cref="ConditionalCommit"/>,
/// and what an event handler or a scheduled job hands over to commit with its own marker. Each write is named for
/// what it does, so a caller never spells a Redis command.
/// </summary>
public interface IStateWrites
{
    /// <summary>The commit holds only if <paramref name="key"/> does not exist.</summary>
    void Absent(string key);

    /// <summary>The commit holds only if the string at <paramref name="key"/> equals <paramref name="value"/>.</summary>
    void StringEquals(string key, RedisValue value);

    /// <summary>The commit holds only if the hash field equals <paramref name="value"/>; for a hash that may not exist, use <see cref="Absent"/>.</summary>
    void HashFieldEquals(string key, string field, RedisValue value);

    /// <summary>
    /// Sets <paramref name="key"/> to <paramref name="value"/> (expiring after <paramref name="expiry"/>, whole seconds)
    /// only if it is absent; when it is not, the commit fails like a failed condition.
    /// </summary>
    void Claim(string key, RedisValue value, TimeSpan? expiry = null);

    /// <summary>Sets a string, expiring after <paramref name="expiry"/> (whole seconds) when given.</summary>
    void StringSet(string key, RedisValue value, TimeSpan? expiry = null);

    /// <summary>Adds one to the counter at <paramref name="key"/>.</summary>
    void Increment(string key);

    /// <summary>Deletes <paramref name="key"/>.</summary>
    void Delete(string key);

    /// <summary>Sets hash fields.</summary>
    void HashSet(string key, params IReadOnlyList<HashEntry> fields);

    /// <summary>Sets one hash field only if it is absent (a field already set keeps its value, and the commit goes on).</summary>
    void HashSetIfAbsent(string key, string field, RedisValue value);

    /// <summary>Deletes hash fields.</summary>
    void HashDelete(string key, params IReadOnlyList<string> fields);

    /// <summary>Adds <paramref name="by"/> to a hash field's number.</summary>
    void HashIncrement(string key, string field, long by = 1);

    /// <summary>Adds or moves <paramref name="member"/>; with <paramref name="onlyIfNew"/> an existing member keeps its score.</summary>
    void SortedSetAdd(string key, string member, double score, bool onlyIfNew = false);

    /// <summary>Removes <paramref name="member"/>.</summary>
    void SortedSetRemove(string key, string member);

    /// <summary>Appends to a list.</summary>
    void ListRightPush(string key, RedisValue value);

    /// <summary>Appends a stream entry, trimming the stream to about <paramref name="maxLength"/> entries when given.</summary>
    void StreamAdd(string key, long? maxLength, params IReadOnlyList<NameValueEntry> fields);

    /// <summary>Runs <paramref name="action"/> once these writes have committed (never when they did not).</summary>
    void OnCommitted(Action action);
}
