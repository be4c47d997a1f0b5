using StackExchange.Redis;

namespace Pilot.Storage;

/// <summary>
/// A state change and its events as one Lua script: the conditions (a key absent, a string or a hash
/// field equal to what was read) are checked, the claims (keys set only if absent) made, and the writes
/// and event appends applied in one atomic step, in one round trip. A WATCH-conditioned MULTI/EXEC gives the same guarantee, but
/// StackExchange.Redis checks its conditions in an extra round trip while holding the shared
/// connection, so concurrent commands queue behind each other. Events go in as
/// stream appends (the event bus's <c>Append</c>), so a state change and its announcement land together.
/// </summary>
public sealed class ConditionalCommit : IStateWrites
{
    // ARGV[1] is the plan, one byte per number: the condition count, then per condition its kind ('a' absent, 's' string
    // equals, 'e' hash field equals) and key (an index into KEYS); the claim count, then per claim its key and whether it
    // expires; the write count, then per write its key and value count. The other ARGV entries are consumed in plan order:
    // each condition's operands, each claim's value (and seconds), then each write's command followed by its values (see
    // ScriptPlan). A claim is SET NX: one call where a condition plus a write would take two; a failed claim undoes the
    // claims before it, so nothing is written.
    private const string Script = """
        local plan = {string.byte(ARGV[1], 1, -1)}
        local p, v = 2, 2
        for _ = 1, plan[1] do
          local kind, key = plan[p], KEYS[plan[p + 1]]
          p = p + 2
          if kind == 97 then
            if redis.call('EXISTS', key) == 1 then return 0 end
          elseif kind == 115 then
            if redis.call('GET', key) ~= ARGV[v] then return 0 end
            v = v + 1
          else
            if redis.call('HGET', key, ARGV[v]) ~= ARGV[v + 1] then return 0 end
            v = v + 2
          end
        end
        local claims, claimed = plan[p], {}
        p = p + 1
        for c = 1, claims do
          local key, expires = KEYS[plan[p]], plan[p + 1] == 1
          p = p + 2
          local ok
          if expires then
            ok = redis.call('SET', key, ARGV[v], 'NX', 'EX', ARGV[v + 1])
            v = v + 2
          else
            ok = redis.call('SET', key, ARGV[v], 'NX')
            v = v + 1
          end
          if not ok then
            for u = 1, c - 1 do redis.call('DEL', claimed[u]) end
            return 0
          end
          claimed[c] = key
        end
        local writes = plan[p]
        p = p + 1
        for _ = 1, writes do
          local key, count = KEYS[plan[p]], plan[p + 1]
          p = p + 2
          redis.call(ARGV[v], key, unpack(ARGV, v + 1, v + count))
          v = v + count + 1
        end
        return 1
        """;

    private readonly CommitSteps steps = new();

    public void Absent(string key) => steps.Absent(key);

    public void StringEquals(string key, RedisValue value) => steps.StringEquals(key, value);

    public void HashFieldEquals(string key, string field, RedisValue value) => steps.HashFieldEquals(key, field, value);

    public void Claim(string key, RedisValue value, TimeSpan? expiry = null) => steps.Claim(key, value, expiry);

    public void StringSet(string key, RedisValue value, TimeSpan? expiry = null) => steps.StringSet(key, value, expiry);

    public void Increment(string key) => steps.Increment(key);

    public void Delete(string key) => steps.Delete(key);

    public void HashSet(string key, params IReadOnlyList<HashEntry> fields) => steps.HashSet(key, fields);

    public void HashSetIfAbsent(string key, string field, RedisValue value) => steps.HashSetIfAbsent(key, field, value);

    public void HashDelete(string key, params IReadOnlyList<string> fields) => steps.HashDelete(key, fields);

    public void HashIncrement(string key, string field, long by = 1) => steps.HashIncrement(key, field, by);

    public void SortedSetAdd(string key, string member, double score, bool onlyIfNew = false) => steps.SortedSetAdd(key, member, score, onlyIfNew);

    public void SortedSetRemove(string key, string member) => steps.SortedSetRemove(key, member);

    public void ListRightPush(string key, RedisValue value) => steps.ListRightPush(key, value);

    public void StreamAdd(string key, long? maxLength, params IReadOnlyList<NameValueEntry> fields) => steps.StreamAdd(key, maxLength, fields);

    public void OnCommitted(Action action) => steps.OnCommitted(action);

    /// <summary>True when every condition held and everything was written; then the <see cref="OnCommitted"/> actions run.</summary>
    public async Task<bool> ExecuteAsync(IDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var plan = new ScriptPlan(steps.ValueCount);
        plan.Conditions(steps.Conditions);
        plan.Number(steps.Claims.Count);
        foreach (var claim in steps.Claims)
        {
            plan.Key(claim.Key);
            plan.Number(claim.Seconds is null ? 0 : 1);
            plan.Value(claim.Value);
            if (claim.Seconds is { } seconds)
            {
                plan.Value(seconds);
            }
        }

        plan.Writes(steps.Writes);
        var result = await database.ScriptEvaluateAsync(Script, plan.Keys, plan.Arguments()).ConfigureAwait(false);
        if ((int)result != 1)
        {
            return false;
        }

        steps.AfterCommit.ForEach(action => action());
        return true;
    }
}
