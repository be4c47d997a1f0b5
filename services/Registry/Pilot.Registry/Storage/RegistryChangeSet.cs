using StackExchange.Redis;

namespace Pilot.Registry.Storage;

/// <summary>The writes one accepted command makes, applied inside the commit transaction.</summary>
internal sealed class RegistryChangeSet
{
    private readonly List<Action<ITransaction>> writes = [];

    public void Put<T>(string key, T record) =>
        writes.Add(tx => _ = tx.StringSetAsync(key, RegistryJson.Serialize(record)));

    /// <summary>Adds <paramref name="member"/> to a sorted index; equal scores keep it in id order for paging.</summary>
    public void Index(string index, string member) =>
        writes.Add(tx => _ = tx.SortedSetAddAsync(index, member, 0));

    public void Unindex(string index, string member) =>
        writes.Add(tx => _ = tx.SortedSetRemoveAsync(index, member));

    public void ApplyTo(ITransaction transaction)
    {
        foreach (var write in writes)
        {
            write(transaction);
        }
    }
}
