using StackExchange.Redis;
using Pilot.Storage;

namespace Pilot.EventBus.Consuming;

/// <summary>
/// The handlers' writes for one or more received events, committed in one Lua script: each event's writes land
/// with its "handled" marker only if the marker is absent (a redelivered event changes nothing), and the
/// transport's own writes (the XACKs) land in any case. If a condition a handler added does not hold, nothing at
/// all is written, and the caller handles the events again one by one.
/// </summary>
internal sealed class HandledEventsCommit
{
    // Plan (see ScriptPlan): the event count; per event its marker key, then its conditions and writes as in
    // ConditionalCommit (claims become an 'absent' condition plus a SET NX); then the transport's writes. Values: the
    // markers' value and seconds (shared), then per event its operands and writes, then the transport's writes. The
    // conditions of every new event are checked before anything is written, so the commit is all or nothing; an event
    // without conditions learns whether it is new from its marker's SET NX, one call instead of two.
    private const string Script = """
        local plan = {string.byte(ARGV[1], 1, -1)}
        local p, v = 2, 4
        local events, fresh, at = plan[1], {}, {}
        for e = 1, events do
          local marker, conditions = KEYS[plan[p]], plan[p + 1]
          p = p + 1
          if conditions > 0 then
            fresh[e] = redis.call('EXISTS', marker) == 0
          end
          for _ = 1, conditions do
            local kind, key = plan[p + 1], KEYS[plan[p + 2]]
            p = p + 2
            if kind == 97 then
              if fresh[e] and redis.call('EXISTS', key) == 1 then return -1 end
            elseif kind == 115 then
              if fresh[e] and redis.call('GET', key) ~= ARGV[v] then return -1 end
              v = v + 1
            else
              if fresh[e] and redis.call('HGET', key, ARGV[v]) ~= ARGV[v + 1] then return -1 end
              v = v + 2
            end
          end
          p = p + 1
          at[e] = { marker, p, v }
          for _ = 1, plan[p] do
            v = v + plan[p + 2] + 1
            p = p + 2
          end
          p = p + 1
        end
        local function apply(q, w)
          for _ = 1, plan[q] do
            local key, count = KEYS[plan[q + 1]], plan[q + 2]
            q = q + 2
            redis.call(ARGV[w], key, unpack(ARGV, w + 1, w + count))
            w = w + count + 1
          end
        end
        local applied = {}
        for e = 1, events do
          local marker = at[e][1]
          if fresh[e] == nil then
            fresh[e] = redis.call('SET', marker, ARGV[2], 'NX', 'EX', ARGV[3]) ~= false
          elseif fresh[e] then
            redis.call('SET', marker, ARGV[2], 'EX', ARGV[3])
          end
          applied[e] = 0
          if fresh[e] then
            apply(at[e][2], at[e][3])
            applied[e] = 1
          end
        end
        apply(p, v)
        return applied
        """;

    private readonly List<Handled> events = [];
    private readonly TimeSpan retention;

    /// <param name="retention">How long the markers are kept: a redelivery later than that is handled again.</param>
    public HandledEventsCommit(TimeSpan retention) => this.retention = retention;

    /// <summary>Writes committed whatever the markers say (the transport's acknowledgements).</summary>
    public CommitSteps Transport { get; } = new();

    public int Count => events.Count;

    /// <summary>The steps of one event's handler; they commit with the marker, and only if it is absent.</summary>
    public CommitSteps Add(string marker) => Add(marker, new CommitSteps());

    /// <summary>Adds an event whose handler already ran, e.g. moved here from a commit that grew too large.</summary>
    public CommitSteps Add(string marker, CommitSteps steps)
    {
        events.Add(new Handled(marker, steps));
        return steps;
    }

    /// <summary>Takes the last event back out, with its steps.</summary>
    public (string Marker, CommitSteps Steps) RemoveLast()
    {
        var last = events[^1];
        events.RemoveAt(events.Count - 1);
        return (last.Marker, last.Steps);
    }

    /// <summary>
    /// Per event (in the order added) whether its writes were applied (false: handled before), or null when a condition
    /// did not hold and nothing was written. The after-commit actions of applied handlers (their events counted as published) then run.
    /// </summary>
    public async Task<bool[]?> ExecuteAsync(IDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        // Claims go in as conditions (the key is absent) and SET NX writes, so a failed one writes nothing for any event;
        // such a write carries the command, NX and perhaps EX and seconds besides the value and seconds counted for the claim.
        var valueCount = 2 + Transport.ValueCount;
        foreach (var handled in events)
        {
            valueCount += handled.Steps.ValueCount;
            foreach (var claim in handled.Steps.Claims)
            {
                valueCount += claim.Seconds is null ? 2 : 3;
            }
        }

        var plan = new ScriptPlan(valueCount);
        plan.Number(events.Count);
        plan.Value(MarkerValue);
        plan.Value(Math.Max(1, (long)retention.TotalSeconds));
        foreach (var handled in events)
        {
            var steps = handled.Steps;
            plan.Key(handled.Marker);
            plan.Number(steps.Conditions.Count + steps.Claims.Count);
            foreach (var condition in steps.Conditions)
            {
                plan.Condition(condition);
            }

            foreach (var claim in steps.Claims)
            {
                plan.Condition(new CommitSteps.Condition('a', claim.Key, []));
            }

            plan.Number(steps.Claims.Count + steps.Writes.Count);
            foreach (var claim in steps.Claims)
            {
                plan.Write(new CommitSteps.Written("SET", claim.Key, claim.Seconds is { } seconds ? [claim.Value, "NX", "EX", seconds] : [claim.Value, "NX"]));
            }

            foreach (var write in steps.Writes)
            {
                plan.Write(write);
            }
        }

        plan.Writes(Transport.Writes);
        var result = await database.ScriptEvaluateAsync(Script, plan.Keys, plan.Arguments()).ConfigureAwait(false);
        if (result.Resp2Type == ResultType.Integer)
        {
            return null;
        }

        var applied = ((RedisResult[])result!).Select(flag => (int)flag == 1).ToArray();
        for (var i = 0; i < events.Count; i++)
        {
            if (applied[i])
            {
                events[i].Steps.AfterCommit.ForEach(action => action());
            }
        }

        return applied;
    }

    /// <summary>What a marker holds; only its existence counts.</summary>
    private const string MarkerValue = "1";

    private sealed record Handled(string Marker, CommitSteps Steps);
}
