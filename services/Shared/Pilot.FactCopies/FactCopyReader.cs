using Microsoft.Extensions.Options;
using Pilot.EventBus;
using StackExchange.Redis;

namespace Pilot.FactCopies;

internal sealed class FactCopyReader<TFact>(string kind, IConnectionMultiplexer redis, IOptions<EventBusOptions> options) : IFactCopy<TFact>
    where TFact : class
{
    public string Kind => kind;

    private string AppId => options.Value.AppId;

    public async Task<TFact?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var json = await redis.GetDatabase().HashGetAsync(FactCopyKeys.Fact(AppId, kind, id), FactCopyKeys.FactField).WaitAsync(cancellationToken).ConfigureAwait(false);
        return json.IsNull ? null : FactCopyJson.Deserialize<TFact>(json.ToString());
    }

    public async Task<IReadOnlyDictionary<string, TFact>> FindManyAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.Distinct(StringComparer.Ordinal).ToArray();
        // A batch sends every HGET in one write and their answers come back together: one round trip however many ids.
        var batch = redis.GetDatabase().CreateBatch();
        var reads = wanted.Select(id => batch.HashGetAsync(FactCopyKeys.Fact(AppId, kind, id), FactCopyKeys.FactField)).ToArray();
        batch.Execute();
        var values = await Task.WhenAll(reads).WaitAsync(cancellationToken).ConfigureAwait(false);
        var found = new Dictionary<string, TFact>(StringComparer.Ordinal);
        for (var i = 0; i < wanted.Length; i++)
        {
            if (!values[i].IsNull)
            {
                found[wanted[i]] = FactCopyJson.Deserialize<TFact>(values[i].ToString());
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<string>> ListIdsAsync(string? after = null, int count = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var ids = await redis.GetDatabase()
            .SortedSetRangeByValueAsync(FactCopyKeys.Ids(AppId, kind), after is null ? default : after, default, after is null ? Exclude.None : Exclude.Start, Order.Ascending, 0, count)
            .WaitAsync(cancellationToken)
            .ConfigureAwait(false);
        return [.. ids.Select(id => id.ToString())];
    }
}
