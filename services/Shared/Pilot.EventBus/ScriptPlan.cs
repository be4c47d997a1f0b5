using StackExchange.Redis;

namespace Pilot.EventBus;

/// <summary>
/// Builds the arguments of the commit scripts: KEYS, and ARGV whose first entry is a plan of small numbers, one byte
/// each (counts, indexes into KEYS, kinds), followed by the values the plan consumes in order. The scripts read the
/// plan with string.byte and the values with unpack(), never converting a number from text: parsing numbers with
/// tonumber() and building an argument table per write cost more Redis time than the writes themselves.
/// </summary>
internal sealed class ScriptPlan
{
    /// <summary>Keys, and steps of one kind, are counted in single bytes of the plan.</summary>
    public const int MaxKeys = byte.MaxValue;

    private readonly List<RedisKey> keys = [];
    private readonly Dictionary<string, int> keyIndex = new(StringComparer.Ordinal);
    private readonly List<byte> plan = [];
    private readonly List<RedisValue> values = [RedisValue.Null];

    public RedisKey[] Keys => [.. keys];

    public RedisValue[] Arguments()
    {
        var arguments = values.ToArray();
        arguments[0] = plan.ToArray();
        return arguments;
    }

    public void Number(int number)
    {
        if (number is < 0 or > byte.MaxValue)
        {
            throw new InvalidOperationException($"a commit holds at most {byte.MaxValue} steps of a kind");
        }

        plan.Add((byte)number);
    }

    public void Key(string key)
    {
        if (!keyIndex.TryGetValue(key, out var index))
        {
            if (keys.Count == MaxKeys)
            {
                throw new InvalidOperationException($"a commit touches at most {MaxKeys} keys");
            }

            keys.Add(key);
            index = keyIndex[key] = keys.Count;
        }

        plan.Add((byte)index);
    }

    public void Value(RedisValue value) => values.Add(value);

    /// <summary>Conditions: count, then kind and key each; operands as values.</summary>
    public void Conditions(IReadOnlyList<CommitSteps.Condition> conditions)
    {
        Number(conditions.Count);
        foreach (var condition in conditions)
        {
            Number(condition.Kind);
            Key(condition.Key);
            foreach (var value in condition.Values)
            {
                Value(value);
            }
        }
    }

    /// <summary>Writes: count, then key and value count each; the command then its values as values.</summary>
    public void Writes(IReadOnlyList<CommitSteps.Written> writes)
    {
        Number(writes.Count);
        foreach (var write in writes)
        {
            Key(write.Key);
            Number(write.Values.Length);
            Value(write.Command);
            foreach (var value in write.Values)
            {
                Value(value);
            }
        }
    }
}
