using Pilot.Registry.Domain.Authorisation;
using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.Occupations;
using Pilot.Registry.Domain.Queries;
using Pilot.Registry.Domain.State;
using Pilot.Registry.Storage;
using Pilot.SharedKernel;
using StackExchange.Redis;

namespace Pilot.Registry.Application;

/// <summary>Reads, authorised by the domain's queries, paged over the sorted indexes; domain records out, as the commands.</summary>
internal sealed class RegistryReads(IConnectionMultiplexer redis, RegistryQueries queries)
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    /// <summary>The departments whose recommendation for the batch names the organisation (R5: any one admits it).</summary>
    public static IReadOnlyList<string> RecommendedBy(EvaluationOrganisation organisation, string batchId, IRegistryReadModel model) =>
        [.. model.RecommendationsNaming(organisation.Id)
            .Where(r => string.Equals(r.BatchId, batchId, StringComparison.Ordinal))
            .Select(r => r.DepartmentId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    /// <summary>Occupations whose code starts with, or whose name contains, <paramref name="query"/>; keyset-paged by code.</summary>
    public Page<Occupation> ListOccupations(string query, bool inPilotScopeOnly, string pageToken, int pageSize, Caller caller)
    {
        query = query.Trim();
        var matching = queries.ListOccupations(caller, inPilotScopeOnly)
            .Where(o => query.Length == 0 || o.Code.StartsWith(query, StringComparison.Ordinal) || o.Name.Contains(query, StringComparison.Ordinal))
            .ToList();
        var size = PageSize(pageSize);
        var after = PageTokens.Decode(pageToken);
        var start = after is null ? 0 : matching.FindIndex(o => string.Equals(o.Code, after, StringComparison.Ordinal)) + 1;
        if (after is not null && start == 0)
        {
            throw DomainException.Invalid("page_token", "page_token must be a next_page_token from an earlier answer of the same list, passed back unchanged");
        }

        var items = matching.Skip(start).Take(size).ToList();
        var next = start + size < matching.Count ? PageTokens.Encode(items[^1].Code) : string.Empty;
        return new Page<Occupation>(items, next, matching.Count);
    }

    public Occupation GetOccupation(string code, Caller caller) => queries.GetOccupation(caller, code);

    public async Task<Batch> GetBatchAsync(string batchId, Caller caller)
    {
        var snapshot = await SnapshotAsync(RegistryKeys.Batch(batchId)).ConfigureAwait(false);
        return RegistryQueries.GetBatch(caller, batchId, snapshot);
    }

    public async Task<IReadOnlyList<Batch>> ListBatchesAsync(Caller caller)
    {
        var snapshot = Snapshot();
        var ids = await redis.GetDatabase().SortedSetRangeByRankAsync(RegistryKeys.Batches).ConfigureAwait(false);
        await snapshot.PrefetchAsync(ids.Select(id => RegistryKeys.Batch(id.ToString()))).ConfigureAwait(false);
        return [.. ids.Select(id => RegistryQueries.GetBatch(caller, id.ToString(), snapshot))];
    }

    public async Task<Department> GetDepartmentAsync(string departmentId, Caller caller)
    {
        var snapshot = await SnapshotAsync(RegistryKeys.Department(departmentId)).ConfigureAwait(false);
        return RegistryQueries.GetDepartment(caller, departmentId, snapshot);
    }

    public async Task<OrganisationView> GetOrganisationAsync(string organisationId, Caller caller)
    {
        var snapshot = await SnapshotAsync(RegistryKeys.Organisation(organisationId), RegistryKeys.RecommendationsNaming(organisationId)).ConfigureAwait(false);
        if (snapshot.FindOrganisation(organisationId) is { } organisation)
        {
            await snapshot.PrefetchAsync([RegistryKeys.Exception(organisation.CreditCode)]).ConfigureAwait(false);
        }

        return RegistryQueries.GetOrganisation(caller, organisationId, snapshot);
    }

    public async Task<Recommendation> GetRecommendationAsync(string batchId, string departmentId, Caller caller)
    {
        RegistryPermissions.Demand(RegistryPermissions.MayReadDepartment(caller, departmentId), caller, $"read the recommendations of {departmentId}");
        var snapshot = await SnapshotAsync(RegistryKeys.Recommendation(batchId, departmentId)).ConfigureAwait(false);
        return snapshot.FindRecommendation(batchId, departmentId)
            ?? throw DomainException.NotFound("department_id", $"{departmentId} has made no recommendation for batch {batchId}");
    }

    public async Task<Page<OrganisationView>> ListOrganisationsAsync(string pageToken, int pageSize, Caller caller)
    {
        var (ids, next) = await PageAsync(RegistryKeys.Organisations, pageToken, pageSize).ConfigureAwait(false);
        var snapshot = Snapshot();
        await snapshot.PrefetchAsync(ids.SelectMany(id => new[] { RegistryKeys.Organisation(id), RegistryKeys.RecommendationsNaming(id) })).ConfigureAwait(false);
        await snapshot.PrefetchAsync(ids.Select(snapshot.FindOrganisation).OfType<EvaluationOrganisation>().Select(o => RegistryKeys.Exception(o.CreditCode))).ConfigureAwait(false);
        var readable = ids.Select(snapshot.FindOrganisation).OfType<EvaluationOrganisation>()
            .Where(organisation => RegistryPermissions.MayReadOrganisation(caller, organisation, snapshot.RecommendationsNaming(organisation.Id)))
            .Select(organisation => new OrganisationView(organisation, snapshot.FindException(organisation.CreditCode)))
            .ToList();
        return new Page<OrganisationView>(readable, next);
    }

    public async Task<RecommendedBranch> GetBranchAsync(string branchId, Caller caller)
    {
        var snapshot = await SnapshotAsync(RegistryKeys.Branch(branchId)).ConfigureAwait(false);
        if (snapshot.FindBranch(branchId) is { } branch)
        {
            await snapshot.PrefetchAsync(BranchContext(branch)).ConfigureAwait(false);
        }

        var view = RegistryQueries.GetBranch(caller, branchId, snapshot);
        var organisation = snapshot.FindOrganisation(view.Branch.OrganisationId)!;
        return new RecommendedBranch(view, RecommendedBy(organisation, view.Branch.BatchId, snapshot));
    }

    public async Task<Page<RecommendedBranch>> ListBranchesAsync(string regionCode, string organisationId, string pageToken, int pageSize, Caller caller)
    {
        var region = regionCode.Trim();
        if (region.Length == 0 && caller.Is(Roles.ProvincialHr))
        {
            region = caller.Region ?? string.Empty;
        }

        if (region.Length > 0)
        {
            region = ProvinceRegion.Parse(region, "region_code").Code;
            if (caller.Is(Roles.ProvincialHr) && !caller.IsBureauOf(region))
            {
                throw DomainException.Forbidden($"a provincial HR bureau reads only the branches registered in its own region ({caller.Region}), not {region}");
            }
        }

        var index = organisationId.Trim() is { Length: > 0 } organisation
            ? RegistryKeys.BranchesOfOrganisation(organisation)
            : region.Length > 0 ? RegistryKeys.BranchesOfRegion(region) : RegistryKeys.Branches;
        var (ids, next) = await PageAsync(index, pageToken, pageSize).ConfigureAwait(false);
        var snapshot = Snapshot();
        await snapshot.PrefetchAsync(ids.Select(RegistryKeys.Branch)).ConfigureAwait(false);
        var branches = ids.Select(snapshot.FindBranch).OfType<Branch>()
            .Where(branch => region.Length == 0 || branch.Region.Code == region)
            .ToList();
        await snapshot.PrefetchAsync(branches.SelectMany(BranchContext)).ConfigureAwait(false);

        var readable = RegistryQueries.ReadableBranches(caller, branches, snapshot)
            .Select(view => new RecommendedBranch(view, RecommendedBy(snapshot.FindOrganisation(view.Branch.OrganisationId)!, view.Branch.BatchId, snapshot)))
            .ToList();
        return new Page<RecommendedBranch>(readable, next);
    }

    private RegistrySnapshot Snapshot() => new(redis.GetDatabase());

    // Everything a read needs is fetched up front in one MGET: a lazy read would block a pool thread.
    private async Task<RegistrySnapshot> SnapshotAsync(params string[] keys)
    {
        var snapshot = Snapshot();
        await snapshot.PrefetchAsync(keys).ConfigureAwait(false);
        return snapshot;
    }

    private static string[] BranchContext(Branch branch) =>
    [
        RegistryKeys.Organisation(branch.OrganisationId),
        RegistryKeys.RecommendationsNaming(branch.OrganisationId),
        RegistryKeys.Exception(branch.CreditCode),
    ];

    // Ids are members of equal-score sorted sets, so lexical ranges page them in id order.
    private async Task<(IReadOnlyList<string> Ids, string Next)> PageAsync(string index, string pageToken, int pageSize)
    {
        var size = PageSize(pageSize);
        var start = PageTokens.Decode(pageToken) is { } after ? (RedisValue)after : RedisValue.Null;
        var members = await redis.GetDatabase().SortedSetRangeByValueAsync(
            index, start, RedisValue.Null, Exclude.Start, Order.Ascending, 0, size + 1).ConfigureAwait(false);
        var ids = members.Take(size).Select(m => m.ToString()).ToList();
        return (ids, members.Length > size ? PageTokens.Encode(ids[^1]) : string.Empty);
    }

    private static int PageSize(int requested) =>
        requested switch
        {
            < 0 => throw DomainException.Invalid("page_size", "page_size cannot be negative"),
            0 => DefaultPageSize,
            _ => Math.Min(requested, MaxPageSize),
        };
}
