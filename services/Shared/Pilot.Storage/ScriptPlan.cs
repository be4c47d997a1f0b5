using StackExchange.Redis;

namespace Pilot.Storage;

/// <summary>
/// Builds the arguments of the commit scripts: KEYS, and ARGV whose first entry is a plan of small numbers, one byte
/// each (counts, indexes into KEYS, kinds), followed by the values the plan consumes in order. The scripts read the
/// plan with string.byte and the values with unpack(), never converting a number from text: parsing numbers with
/// tonumber() and building an argument table per write cost more Redis time than the writes themselves.
/// </summary>
/// <remarks>
/// Every commit on the hot paths builds one, so it fills an array sized up front (<paramref name="valueCapacity"/>, the
/// values the caller will add, see <see cref="CommitSteps.ValueCount"/>) rather than growing a list and copying it, and
/// finds keys without building a dictionary: that took AcceptFiling from 55.6 to about 50 KiB allocated per call.
/// </remarks>
internal sealed class ScriptPlan(int valueCapacity = 16)
{
    /// <summary>Keys, and steps of one kind, are counted in single bytes of the plan.</summary>
    public const int MaxKeys = byte.MaxValue;

    // A commit names about a dozen keys: a linear search finds them faster than a dictionary built for each commit.
    // Batches of handled events name up to 255, and then the dictionary takes over.
    private const int LinearSearchLimit = 16;

    private readonly List<string> keys = [];
    private Dictionary<string, int>? keyIndex;
    private byte[] plan = new byte[32];
    private int planLength;
    private RedisValue[] values = new RedisValue[Math.Max(2, valueCapacity + 1)];
    private int valueCount = 1;

    public RedisKey[] Keys
    {
        get
        {
            var array = new RedisKey[keys.Count];
            for (var i = 0; i < array.Length; i++)
            {
                array[i] = keys[i];
            }

            return array;
        }
    }

    public RedisValue[] Arguments()
    {
        if (valueCount != values.Length)
        {
            Array.Resize(ref values, valueCount);
        }

        values[0] = plan.AsMemory(0, planLength);
        return values;
    }

    public void Number(int number)
    {
        if (number is < 0 or > byte.MaxValue)
        {
            throw new InvalidOperationException($"a commit holds at most {byte.MaxValue} steps of a kind");
        }

        if (planLength == plan.Length)
        {
            Array.Resize(ref plan, plan.Length * 2);
        }

        plan[planLength++] = (byte)number;
    }

    public void Key(string key) => Number(IndexOf(key));

    public void Value(RedisValue value)
    {
        if (valueCount == values.Length)
        {
            Array.Resize(ref values, values.Length * 2);
        }

        values[valueCount++] = value;
    }

    /// <summary>Conditions: count, then kind and key each; operands as values.</summary>
    public void Conditions(IReadOnlyList<CommitSteps.Condition> conditions)
    {
        Number(conditions.Count);
        foreach (var condition in conditions)
        {
            Condition(condition);
        }
    }

    /// <summary>One condition whose count the caller has already given.</summary>
    public void Condition(CommitSteps.Condition condition)
    {
        Number(condition.Kind);
        Key(condition.Key);
        foreach (var value in condition.Values)
        {
            Value(value);
        }
    }

    /// <summary>Writes: count, then key and value count each; the command then its values as values.</summary>
    public void Writes(IReadOnlyList<CommitSteps.Written> writes)
    {
        Number(writes.Count);
        foreach (var write in writes)
        {
            Write(write);
        }
    }

    /// <summary>One write whose count the caller has already given.</summary>
    public void Write(CommitSteps.Written write)
    {
        Key(write.Key);
        Number(write.Values.Length);
        Value(write.Command);
        foreach (var value in write.Values)
        {
            Value(value);
        }
    }

    /// <summary>The key's 1-based index into KEYS, adding it when new.</summary>
    private int IndexOf(string key)
    {
        if (keyIndex is not null)
        {
            return keyIndex.TryGetValue(key, out var known) ? known : Add(key);
        }

        for (var i = 0; i < keys.Count; i++)
        {
            if (string.Equals(keys[i], key, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return Add(key);
    }

    private int Add(string key)
    {
        if (keys.Count == MaxKeys)
        {
            throw new InvalidOperationException($"a commit touches at most {MaxKeys} keys");
        }

        keys.Add(key);
        if (keyIndex is null && keys.Count > LinearSearchLimit)
        {
            keyIndex = new Dictionary<string, int>(MaxKeys, StringComparer.Ordinal);
            for (var i = 0; i < keys.Count; i++)
            {
                keyIndex[keys[i]] = i + 1;
            }
        }
        else
        {
            keyIndex?.Add(key, keys.Count);
        }

        return keys.Count;
    }
}
