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

    public List<(string Key, string Value)> Claims { get; } = [];

    /// <summary>Turns the write of <paramref name="key"/> into a claim (SET NX); false when the change does not write it.</summary>
    public bool ClaimSet(string key)
    {
        var at = Sets.FindIndex(set => set.Key == key);
        if (at < 0)
        {
            return false;
        }

        Claims.Add(Sets[at]);
        Sets.RemoveAt(at);
        return true;
    }

    public void AddTo(Pilot.Storage.IStateWrites commit)
    {
        Claims.ForEach(claim => commit.Claim(claim.Key, claim.Value));
        Sets.ForEach(set => commit.StringSet(set.Key, set.Value));
        Indexed.ForEach(entry => commit.SortedSetAdd(entry.Index, entry.Member, 0));
        Unindexed.ForEach(entry => commit.SortedSetRemove(entry.Index, entry.Member));
    }
}
