using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Pilot.Registry.Application;
using Pilot.ServiceDefaults.Security;
using Pilot.SharedKernel;
using Proto = Pilot.Protos.Registry;

namespace Pilot.Registry.Grpc;

/// <summary>The Registry's gRPC surface: maps the wire to commands and reads, nothing more.</summary>
internal sealed class RegistryGrpcService(RegistryCommands commands, RegistryReads reads) : Proto.Registry.RegistryBase
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
    public override Task<Proto.ListOccupationsResponse> ListOccupations(Proto.ListOccupationsRequest request, ServerCallContext context) =>
        Task.FromResult(reads.ListOccupations(request, context.GetCaller()));

    [AllowAnonymous]
    public override Task<Proto.Occupation> GetOccupation(Proto.GetOccupationRequest request, ServerCallContext context) =>
        Task.FromResult(reads.GetOccupation(request.Code, context.GetCaller()));

    public override Task<Proto.Batch> OpenBatch(Proto.OpenBatchRequest request, ServerCallContext context) =>
        commands.OpenBatchAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Proto.Batch> CloseBatch(Proto.CloseBatchRequest request, ServerCallContext context) =>
        commands.CloseBatchAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Proto.Batch> GetBatch(Proto.GetBatchRequest request, ServerCallContext context) =>
        reads.GetBatchAsync(request.BatchId, context.GetCaller());

    public override Task<Proto.ListBatchesResponse> ListBatches(Proto.ListBatchesRequest request, ServerCallContext context) =>
        reads.ListBatchesAsync(context.GetCaller());

    public override Task<Proto.Department> RegisterDepartment(Proto.RegisterDepartmentRequest request, ServerCallContext context) =>
        commands.RegisterDepartmentAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Proto.Department> GetDepartment(Proto.GetDepartmentRequest request, ServerCallContext context) =>
        reads.GetDepartmentAsync(request.DepartmentId, context.GetCaller());

    public override Task<Proto.Organisation> RegisterOrganisation(Proto.RegisterOrganisationRequest request, ServerCallContext context) =>
        commands.RegisterOrganisationAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Proto.Organisation> RegisterIndustryOrganisation(Proto.RegisterIndustryOrganisationRequest request, ServerCallContext context) =>
        commands.RegisterIndustryOrganisationAsync(request, context.GetCaller(), context.CancellationToken);

    [AllowAnonymous]
    public override Task<Proto.Organisation> GetOrganisation(Proto.GetOrganisationRequest request, ServerCallContext context) =>
        reads.GetOrganisationAsync(request.OrganisationId, context.GetCaller());

    [AllowAnonymous]
    public override Task<Proto.ListOrganisationsResponse> ListOrganisations(Proto.ListOrganisationsRequest request, ServerCallContext context) =>
        reads.ListOrganisationsAsync(request, context.GetCaller());

    public override Task<Proto.Organisation> ReplaceContacts(Proto.ReplaceContactsRequest request, ServerCallContext context) =>
        commands.ReplaceContactsAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Proto.Organisation> PublishOrganisation(Proto.PublishOrganisationRequest request, ServerCallContext context) =>
        commands.PublishOrganisationAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Proto.Recommendation> RecommendOrganisations(Proto.RecommendOrganisationsRequest request, ServerCallContext context) =>
        commands.RecommendAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Proto.Recommendation> GetRecommendation(Proto.GetRecommendationRequest request, ServerCallContext context) =>
        reads.GetRecommendationAsync(request, context.GetCaller());

    public override Task<Proto.Branch> AddBranch(Proto.AddBranchRequest request, ServerCallContext context) =>
        commands.AddBranchAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Proto.Branch> ChangeBranch(Proto.ChangeBranchRequest request, ServerCallContext context) =>
        commands.ChangeBranchAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Proto.Branch> GetBranch(Proto.GetBranchRequest request, ServerCallContext context) =>
        reads.GetBranchAsync(request.BranchId, context.GetCaller());

    public override Task<Proto.ListBranchesResponse> ListBranches(Proto.ListBranchesRequest request, ServerCallContext context) =>
        reads.ListBranchesAsync(request, context.GetCaller());

    public override Task<Proto.RuleException> RecordException(Proto.RecordExceptionRequest request, ServerCallContext context) =>
        commands.RecordExceptionAsync(request, context.GetCaller(), context.CancellationToken);
}
