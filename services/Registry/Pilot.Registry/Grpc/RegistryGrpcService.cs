using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Pilot.Registry.Application;
using Pilot.Registry.Domain.Commands;
using Pilot.Registry.Domain.Occupations;
using Pilot.ServiceDefaults.Security;
using Pilot.SharedKernel;
using Proto = Pilot.Protos.Registry;

namespace Pilot.Registry.Grpc;

/// <summary>The Registry's gRPC surface: maps the wire to commands and reads and their answers back, nothing more.</summary>
internal sealed class RegistryGrpcService(RegistryCommands commands, RegistryReads reads, OccupationCatalogue catalogue) : Proto.Registry.RegistryBase
{
    [AllowAnonymous]
    public override Task<Proto.ListRegionsResponse> ListRegions(Proto.ListRegionsRequest request, ServerCallContext context)
    {
        var response = new Proto.ListRegionsResponse();
        response.Regions.AddRange(ProvinceRegion.All
            .OrderBy(region => region.Code, StringComparer.Ordinal)
            .Select(region => new Proto.Region { Code = region.Code, Name = region.Name }));
        return Task.FromResult(response);
    }

    [AllowAnonymous]
    public override Task<Proto.ListOccupationsResponse> ListOccupations(Proto.ListOccupationsRequest request, ServerCallContext context)
    {
        var page = reads.ListOccupations(request.Query, request.InPilotScopeOnly, request.PageToken, request.PageSize, context.GetCaller());
        var response = new Proto.ListOccupationsResponse { Total = page.Total ?? 0, NextPageToken = page.NextPageToken };
        response.Occupations.AddRange(page.Items.Select(RegistryResponseMapper.ToProto));
        return Task.FromResult(response);
    }

    [AllowAnonymous]
    public override Task<Proto.Occupation> GetOccupation(Proto.GetOccupationRequest request, ServerCallContext context) =>
        Task.FromResult(RegistryResponseMapper.ToProto(reads.GetOccupation(request.Code, context.GetCaller())));

    public override async Task<Proto.Batch> OpenBatch(Proto.OpenBatchRequest request, ServerCallContext context) =>
        RegistryResponseMapper.ToProto(await commands.OpenBatchAsync(RegistryRequestMapper.ToCommand(request), context.GetCaller(), context.CancellationToken));

    public override async Task<Proto.Batch> CloseBatch(Proto.CloseBatchRequest request, ServerCallContext context) =>
        RegistryResponseMapper.ToProto(await commands.CloseBatchAsync(new CloseBatch(request.RequestId, request.BatchId), context.GetCaller(), context.CancellationToken));

    public override async Task<Proto.Batch> GetBatch(Proto.GetBatchRequest request, ServerCallContext context) =>
        RegistryResponseMapper.ToProto(await reads.GetBatchAsync(request.BatchId, context.GetCaller()));

    public override async Task<Proto.ListBatchesResponse> ListBatches(Proto.ListBatchesRequest request, ServerCallContext context)
    {
        var response = new Proto.ListBatchesResponse();
        response.Batches.AddRange((await reads.ListBatchesAsync(context.GetCaller())).Select(RegistryResponseMapper.ToProto));
        return response;
    }

    public override async Task<Proto.Department> RegisterDepartment(Proto.RegisterDepartmentRequest request, ServerCallContext context) =>
        RegistryResponseMapper.ToProto(await commands.RegisterDepartmentAsync(RegistryRequestMapper.ToCommand(request), context.GetCaller(), context.CancellationToken));

    public override async Task<Proto.Department> GetDepartment(Proto.GetDepartmentRequest request, ServerCallContext context) =>
        RegistryResponseMapper.ToProto(await reads.GetDepartmentAsync(request.DepartmentId, context.GetCaller()));

    public override async Task<Proto.Organisation> RegisterOrganisation(Proto.RegisterOrganisationRequest request, ServerCallContext context) =>
        RegistryResponseMapper.ToProto(
            await commands.RegisterOrganisationAsync(RegistryRequestMapper.ToCommand(request), context.GetCaller(), context.CancellationToken), catalogue);

    public override async Task<Proto.Organisation> RegisterIndustryOrganisation(Proto.RegisterIndustryOrganisationRequest request, ServerCallContext context) =>
        RegistryResponseMapper.ToProto(
            await commands.RegisterIndustryOrganisationAsync(RegistryRequestMapper.ToCommand(request), context.GetCaller(), context.CancellationToken), catalogue);

    [AllowAnonymous]
    public override async Task<Proto.Organisation> GetOrganisation(Proto.GetOrganisationRequest request, ServerCallContext context) =>
        RegistryResponseMapper.ToProto(await reads.GetOrganisationAsync(request.OrganisationId, context.GetCaller()), catalogue);

    [AllowAnonymous]
    public override async Task<Proto.ListOrganisationsResponse> ListOrganisations(Proto.ListOrganisationsRequest request, ServerCallContext context)
    {
        var page = await reads.ListOrganisationsAsync(request.PageToken, request.PageSize, context.GetCaller());
        var response = new Proto.ListOrganisationsResponse { NextPageToken = page.NextPageToken };
        response.Organisations.AddRange(page.Items.Select(view => RegistryResponseMapper.ToProto(view, catalogue)));
        return response;
    }

    public override async Task<Proto.Organisation> ReplaceContacts(Proto.ReplaceContactsRequest request, ServerCallContext context) =>
        RegistryResponseMapper.ToProto(await commands.ReplaceContactsAsync(RegistryRequestMapper.ToCommand(request), context.GetCaller(), context.CancellationToken), catalogue);

    public override async Task<Proto.Organisation> PublishOrganisation(Proto.PublishOrganisationRequest request, ServerCallContext context) =>
        RegistryResponseMapper.ToProto(
            await commands.PublishOrganisationAsync(new PublishOrganisation(request.RequestId, request.OrganisationId), context.GetCaller(), context.CancellationToken), catalogue);

    public override async Task<Proto.Recommendation> RecommendOrganisations(Proto.RecommendOrganisationsRequest request, ServerCallContext context) =>
        RegistryResponseMapper.ToProto(await commands.RecommendAsync(RegistryRequestMapper.ToCommand(request), context.GetCaller(), context.CancellationToken));

    public override async Task<Proto.Recommendation> GetRecommendation(Proto.GetRecommendationRequest request, ServerCallContext context) =>
        RegistryResponseMapper.ToProto(await reads.GetRecommendationAsync(request.BatchId, request.DepartmentId, context.GetCaller()));

    public override async Task<Proto.Branch> AddBranch(Proto.AddBranchRequest request, ServerCallContext context) =>
        ToProto(await commands.AddBranchAsync(RegistryRequestMapper.ToCommand(request), context.GetCaller(), context.CancellationToken));

    public override async Task<Proto.Branch> ChangeBranch(Proto.ChangeBranchRequest request, ServerCallContext context) =>
        ToProto(await commands.ChangeBranchAsync(RegistryRequestMapper.ToCommand(request), context.GetCaller(), context.CancellationToken));

    public override async Task<Proto.Branch> GetBranch(Proto.GetBranchRequest request, ServerCallContext context) =>
        ToProto(await reads.GetBranchAsync(request.BranchId, context.GetCaller()));

    public override async Task<Proto.ListBranchesResponse> ListBranches(Proto.ListBranchesRequest request, ServerCallContext context)
    {
        var page = await reads.ListBranchesAsync(request.RegionCode, request.OrganisationId, request.PageToken, request.PageSize, context.GetCaller());
        var response = new Proto.ListBranchesResponse { NextPageToken = page.NextPageToken };
        response.Branches.AddRange(page.Items.Select(ToProto));
        return response;
    }

    public override async Task<Proto.RuleException> RecordException(Proto.RecordExceptionRequest request, ServerCallContext context) =>
        RegistryResponseMapper.ToProto(await commands.RecordExceptionAsync(RegistryRequestMapper.ToCommand(request), context.GetCaller(), context.CancellationToken));

    private Proto.Branch ToProto(RecommendedBranch branch) => RegistryResponseMapper.ToProto(branch.View, branch.RecommendedBy, catalogue);
}
