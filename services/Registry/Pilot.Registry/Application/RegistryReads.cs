using Pilot.Registry.Domain.Authorisation;
using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.Occupations;
using Pilot.Registry.Domain.Queries;
using Pilot.Registry.Domain.State;
using Pilot.Registry.Grpc;
using Pilot.Registry.Storage;
using Pilot.SharedKernel;
using StackExchange.Redis;
using Proto = Pilot.Protos.Registry;

namespace Pilot.Registry.Application;

/// <summary>Reads, authorised by the domain's queries, paged over the sorted indexes.</summary>
internal sealed class RegistryReads(IConnectionMultiplexer redis, RegistryQueries queries, OccupationCatalogue catalogue)
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    /// <summary>R5 as a reader sees it: recommended for the branch's batch, or an industry organisation.</summary>
    /// <summary>The departments whose recommendation for the batch names the organisation (R5: any one admits it).</summary>
    public static IReadOnlyList<string> RecommendedBy(EvaluationOrganisation organisation, string batchId, IRegistryReadModel model) =>
        [.. model.RecommendationsNaming(organisation.Id)
            .Where(r => string.Equals(r.BatchId, batchId, StringComparison.Ordinal))
            .Select(r => r.DepartmentId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    public Proto.ListOccupationsResponse ListOccupations(Proto.ListOccupationsRequest request, Caller caller)
    {
        var query = request.Query.Trim();
        var matching = queries.ListOccupations(caller, request.InPilotScopeOnly)
            .Where(o => query.Length == 0 || o.Code.StartsWith(query, StringComparison.Ordinal) || o.Name.Contains(query, StringComparison.Ordinal))
            .ToList();
        var (offset, size) = OffsetPage(request.PageToken, request.PageSize);
        var response = new Proto.ListOccupationsResponse { Total = matching.Count };
        response.Occupations.AddRange(matching.Skip(offset).Take(size).Select(RegistryResponseMapper.ToProto));
        response.NextPageToken = offset + size < matching.Count ? (offset + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        return response;
    }

    public Proto.Occupation GetOccupation(string code, Caller caller) =>
        RegistryResponseMapper.ToProto(queries.GetOccupation(caller, code));

    public async Task<Proto.Batch> GetBatchAsync(string batchId, Caller caller)
    {
        var snapshot = await SnapshotAsync(RegistryKeys.Batch(batchId)).ConfigureAwait(false);
        return RegistryResponseMapper.ToProto(RegistryQueries.GetBatch(caller, batchId, snapshot));
    }

    public async Task<Proto.ListBatchesResponse> ListBatchesAsync(Caller caller)
    {
        var snapshot = Snapshot();
        var ids = await redis.GetDatabase().SortedSetRangeByRankAsync(RegistryKeys.Batches).ConfigureAwait(false);
        await snapshot.PrefetchAsync(ids.Select(id => RegistryKeys.Batch(id.ToString()))).ConfigureAwait(false);
        var response = new Proto.ListBatchesResponse();
        response.Batches.AddRange(ids.Select(id => RegistryQueries.GetBatch(caller, id.ToString(), snapshot)).Select(RegistryResponseMapper.ToProto));
        return response;
    }

    public async Task<Proto.Department> GetDepartmentAsync(string departmentId, Caller caller)
    {
        var snapshot = await SnapshotAsync(RegistryKeys.Department(departmentId)).ConfigureAwait(false);
        return RegistryResponseMapper.ToProto(RegistryQueries.GetDepartment(caller, departmentId, snapshot));
    }

    public async Task<Proto.Organisation> GetOrganisationAsync(string organisationId, Caller caller)
    {
        var snapshot = await SnapshotAsync(RegistryKeys.Organisation(organisationId), RegistryKeys.RecommendationsNaming(organisationId)).ConfigureAwait(false);
        if (snapshot.FindOrganisation(organisationId) is { } organisation)
        {
            await snapshot.PrefetchAsync([RegistryKeys.Exception(organisation.CreditCode)]).ConfigureAwait(false);
        }

        return RegistryResponseMapper.ToProto(RegistryQueries.GetOrganisation(caller, organisationId, snapshot), catalogue);
    }

    public async Task<Proto.Recommendation> GetRecommendationAsync(Proto.GetRecommendationRequest request, Caller caller)
    {
        RegistryPermissions.Demand(RegistryPermissions.MayReadDepartment(caller, request.DepartmentId), caller, $"read the recommendations of {request.DepartmentId}");
        var snapshot = await SnapshotAsync(RegistryKeys.Recommendation(request.BatchId, request.DepartmentId)).ConfigureAwait(false);
        var recommendation = snapshot.FindRecommendation(request.BatchId, request.DepartmentId)
            ?? throw DomainException.NotFound("department_id", $"{request.DepartmentId} has made no recommendation for batch {request.BatchId}");
        return RegistryResponseMapper.ToProto(recommendation);
    }

    public async Task<Proto.ListOrganisationsResponse> ListOrganisationsAsync(Proto.ListOrganisationsRequest request, Caller caller)
    {
        var (ids, next) = await PageAsync(RegistryKeys.Organisations, request.PageToken, request.PageSize).ConfigureAwait(false);
        var snapshot = Snapshot();
        await snapshot.PrefetchAsync(ids.SelectMany(id => new[] { RegistryKeys.Organisation(id), RegistryKeys.RecommendationsNaming(id) })).ConfigureAwait(false);
        await snapshot.PrefetchAsync(ids.Select(snapshot.FindOrganisation).OfType<EvaluationOrganisation>().Select(o => RegistryKeys.Exception(o.CreditCode))).ConfigureAwait(false);
        var response = new Proto.ListOrganisationsResponse { NextPageToken = next };
        foreach (var organisation in ids.Select(snapshot.FindOrganisation).OfType<EvaluationOrganisation>())
        {
            if (RegistryPermissions.MayReadOrganisation(caller, organisation, snapshot.RecommendationsNaming(organisation.Id)))
            {
                response.Organisations.Add(RegistryResponseMapper.ToProto(new OrganisationView(organisation, snapshot.FindException(organisation.CreditCode)), catalogue));
            }
        }

        return response;
    }

    public async Task<Proto.Branch> GetBranchAsync(string branchId, Caller caller)
    {
        var snapshot = await SnapshotAsync(RegistryKeys.Branch(branchId)).ConfigureAwait(false);
        if (snapshot.FindBranch(branchId) is { } branch)
        {
            await snapshot.PrefetchAsync(BranchContext(branch)).ConfigureAwait(false);
        }

        var view = RegistryQueries.GetBranch(caller, branchId, snapshot);
        var organisation = snapshot.FindOrganisation(view.Branch.OrganisationId)!;
        return RegistryResponseMapper.ToProto(view, RecommendedBy(organisation, view.Branch.BatchId, snapshot), catalogue);
    }

    public async Task<Proto.ListBranchesResponse> ListBranchesAsync(Proto.ListBranchesRequest request, Caller caller)
    {
        var region = request.RegionCode.Trim();
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

        var index = request.OrganisationId.Trim() is { Length: > 0 } organisationId
            ? RegistryKeys.BranchesOfOrganisation(organisationId)
            : region.Length > 0 ? RegistryKeys.BranchesOfRegion(region) : RegistryKeys.Branches;
        var (ids, next) = await PageAsync(index, request.PageToken, request.PageSize).ConfigureAwait(false);
        var snapshot = Snapshot();
        await snapshot.PrefetchAsync(ids.Select(RegistryKeys.Branch)).ConfigureAwait(false);
        var branches = ids.Select(snapshot.FindBranch).OfType<Branch>()
            .Where(branch => region.Length == 0 || branch.Region.Code == region)
            .ToList();
        await snapshot.PrefetchAsync(branches.SelectMany(BranchContext)).ConfigureAwait(false);

        var response = new Proto.ListBranchesResponse { NextPageToken = next };
        foreach (var view in RegistryQueries.ReadableBranches(caller, branches, snapshot))
        {
            var organisation = snapshot.FindOrganisation(view.Branch.OrganisationId)!;
            response.Branches.Add(RegistryResponseMapper.ToProto(view, RecommendedBy(organisation, view.Branch.BatchId, snapshot), catalogue));
        }

        return response;
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
        var start = string.IsNullOrEmpty(pageToken) ? RedisValue.Null : (RedisValue)pageToken;
        var members = await redis.GetDatabase().SortedSetRangeByValueAsync(
            index, start, RedisValue.Null, Exclude.Start, Order.Ascending, 0, size + 1).ConfigureAwait(false);
        var ids = members.Take(size).Select(m => m.ToString()).ToList();
        return (ids, members.Length > size ? ids[^1] : string.Empty);
    }

    private static (int Offset, int Size) OffsetPage(string pageToken, int pageSize)
    {
        var offset = 0;
        if (!string.IsNullOrEmpty(pageToken) && (!int.TryParse(pageToken, System.Globalization.CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            throw DomainException.Invalid("page_token", "page_token must be a next_page_token from an earlier answer");
        }

        return (offset, PageSize(pageSize));
    }

    private static int PageSize(int requested) =>
        requested switch
        {
            < 0 => throw DomainException.Invalid("page_size", "page_size cannot be negative"),
            0 => DefaultPageSize,
            _ => Math.Min(requested, MaxPageSize),
        };
}
