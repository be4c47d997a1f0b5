namespace Pilot.Registry.Storage;

/// <summary>The writes one accepted command makes, applied by the runner's <see cref="Pilot.Storage.ConditionalCommit"/>.</summary>
internal sealed class RegistryChangeSet
{
    public List<(string Key, string Value)> Sets { get; } = [];

    public List<(string Index, string Member)> Indexed { get; } = [];

    public List<(string Index, string Member)> Unindexed { get; } = [];

    public void Put<T>(string key, T record) => Sets.Add((key, RegistryJson.Serialize(record)));

    /// <summary>Adds <paramref name="member"/> to a sorted index; equal scores keep it in id order for paging.</summary>
    public void Index(string index, string member) => Indexed.Add((index, member));

    public void Unindex(string index, string member) => Unindexed.Add((index, member));

    /// <summary>Removes the write of <paramref name="key"/> and returns its value, for a caller that writes it another way.</summary>
    public string? TakeSet(string key)
    {
        var at = Sets.FindIndex(set => set.Key == key);
        if (at < 0)
        {
            return null;
        }

        var value = Sets[at].Value;
        Sets.RemoveAt(at);
        return value;
    }

    public void AddTo(Pilot.Storage.IStateWrites commit)
    {
        Sets.ForEach(set => commit.StringSet(set.Key, set.Value));
        Indexed.ForEach(entry => commit.SortedSetAdd(entry.Index, entry.Member, 0));
        Unindexed.ForEach(entry => commit.SortedSetRemove(entry.Index, entry.Member));
    }
}
