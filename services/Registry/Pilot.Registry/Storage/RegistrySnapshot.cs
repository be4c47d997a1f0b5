using Pilot.Commands;
using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.State;
using Pilot.SharedKernel;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.Registry.Storage;

/// <summary>
/// The state a decision sees, read from Redis and remembered key by key. Whatever the decision read
/// becomes a condition of the commit, so a decision made on data that changed meanwhile is retried
/// instead of stored. Keys a command is known to need are fetched up front in one round trip;
/// anything else is read on demand.
/// </summary>
internal sealed class RegistrySnapshot(IDatabase database) : IRegistryReadModel, ICommandReads
{
    private readonly Dictionary<string, RedisValue> read = new(StringComparer.Ordinal);
    private readonly HashSet<string> claimed = new(StringComparer.Ordinal);

    /// <summary>Every key read, with the value seen (null when absent).</summary>
    public IReadOnlyDictionary<string, RedisValue> Reads => read;

    /// <summary>Every key read must still hold the value seen; a key read as absent and now written is claimed instead (<see cref="ClaimCreated"/>).</summary>
    public void AddConditions(IStateWrites commit)
    {
        foreach (var (key, value) in read)
        {
            if (!value.IsNull)
            {
                commit.StringEquals(key, value);
            }
            else if (!claimed.Contains(key))
            {
                commit.Absent(key);
            }
        }
    }

    /// <summary>
    /// A key read as absent that the change creates (a new record, a credit code's holder) is claimed with SET NX:
    /// one step where a condition and a write would take two.
    /// </summary>
    public void ClaimCreated(RegistryChangeSet changes)
    {
        foreach (var (key, value) in read)
        {
            if (value.IsNull && changes.ClaimSet(key))
            {
                claimed.Add(key);
            }
        }
    }

    public async Task PrefetchAsync(IEnumerable<string> keys)
    {
        var wanted = keys.Where(key => !read.ContainsKey(key)).Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0)
        {
            return;
        }

        var values = await database.StringGetAsync([.. wanted.Select(key => (RedisKey)key)]).ConfigureAwait(false);
        for (var i = 0; i < wanted.Length; i++)
        {
            read[wanted[i]] = values[i];
        }
    }

    public RedisValue Raw(string key)
    {
        if (!read.TryGetValue(key, out var value))
        {
            value = database.StringGet(key);
            read[key] = value;
        }

        return value;
    }

    public T? Get<T>(string key)
        where T : class
    {
        var value = Raw(key);
        return value.IsNull ? null : RegistryJson.Deserialize<T>(value.ToString());
    }

    public Batch? FindBatch(string batchId) => Get<Batch>(RegistryKeys.Batch(batchId));

    public Department? FindDepartment(string departmentId) => Get<Department>(RegistryKeys.Department(departmentId));

    public EvaluationOrganisation? FindOrganisation(string organisationId) => Get<EvaluationOrganisation>(RegistryKeys.Organisation(organisationId));

    public Branch? FindBranch(string branchId) => Get<Branch>(RegistryKeys.Branch(branchId));

    public Recommendation? FindRecommendation(string batchId, string departmentId) =>
        Get<Recommendation>(RegistryKeys.Recommendation(batchId, departmentId));

    public IReadOnlyList<Recommendation> RecommendationsNaming(string organisationId) =>
        Get<List<Recommendation>>(RegistryKeys.RecommendationsNaming(organisationId)) ?? [];

    public ExceptionRecord? FindException(UnifiedSocialCreditCode creditCode) => Get<ExceptionRecord>(RegistryKeys.Exception(creditCode));

    public CreditCodeHolder? FindCreditCodeHolder(UnifiedSocialCreditCode creditCode) => Get<CreditCodeHolder>(RegistryKeys.CreditCodeHolder(creditCode));
}
