using Grpc.Core;
using Pilot.SharedKernel;
using Proto = Pilot.Protos.Registry;

namespace Pilot.Registry.Tests.Grpc;

/// <summary>The methods the workflow tests do not walk through, each with who may and who may not.</summary>
public sealed class RegistryMethodTests(RegistryFactory factory) : IClassFixture<RegistryFactory>
{
    private readonly Proto.Registry.RegistryClient client = factory.Client();

    [Fact]
    public async Task Only_the_national_centre_closes_a_batch_and_a_closed_batch_takes_no_branches()
    {
        var scenario = await RecommendedAsync();
        var close = new Proto.CloseBatchRequest { RequestId = RegistryScenario.RequestId(), BatchId = scenario.BatchId };
        await RpcAssert.RefusedAsync(StatusCode.PermissionDenied, () => client.CloseBatchAsync(close, factory.As(Roles.Department, org: scenario.DepartmentId)).ResponseAsync);

        var closed = await client.CloseBatchAsync(close, factory.As(Roles.NationalCentre));
        Assert.Equal(Proto.BatchStatus.Closed, closed.Status);
        var fetched = await client.GetBatchAsync(new Proto.GetBatchRequest { BatchId = scenario.BatchId }, factory.As(Roles.ProvincialHr, region: "110000"));
        Assert.Equal(Proto.BatchStatus.Closed, fetched.Status);
        Assert.Equal("2020-11-15", fetched.Milestones.ImplementationPublicityAndDirectory);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.AddBranchAsync(scenario.AddBranch(scenario.OrgA, "late-" + scenario.Suffix), factory.As(Roles.EvaluationOrg, org: scenario.OrgA)).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task Batches_are_listed_for_any_party_with_a_token()
    {
        var scenario = new RegistryScenario();
        await client.OpenBatchAsync(scenario.OpenBatch(), factory.As(Roles.NationalCentre));
        var listed = await client.ListBatchesAsync(new Proto.ListBatchesRequest(), factory.As(Roles.Platform));
        Assert.Contains(listed.Batches, b => b.Id == scenario.BatchId && b.Status == Proto.BatchStatus.Open);
    }

    [Fact]
    public async Task A_department_reads_itself_and_its_recommendation_but_not_another_department()
    {
        var scenario = await RecommendedAsync();
        var own = await client.GetDepartmentAsync(new Proto.GetDepartmentRequest { DepartmentId = scenario.DepartmentId }, factory.As(Roles.Department, org: scenario.DepartmentId));
        Assert.Equal(2, own.FormerOccupations.Count);
        var recommendation = await client.GetRecommendationAsync(
            new Proto.GetRecommendationRequest { BatchId = scenario.BatchId, DepartmentId = scenario.DepartmentId }, factory.As(Roles.Department, org: scenario.DepartmentId));
        Assert.Equal([scenario.OrgA, scenario.OrgB], recommendation.OrganisationIds);

        await RpcAssert.RefusedAsync(StatusCode.PermissionDenied, () =>
            client.GetDepartmentAsync(new Proto.GetDepartmentRequest { DepartmentId = scenario.DepartmentId }, factory.As(Roles.Department, org: "another-dept")).ResponseAsync);
        await RpcAssert.RefusedAsync(StatusCode.PermissionDenied, () =>
            client.GetRecommendationAsync(new Proto.GetRecommendationRequest { BatchId = scenario.BatchId, DepartmentId = scenario.DepartmentId }, factory.As(Roles.Department, org: "another-dept")).ResponseAsync);
    }

    [Fact]
    public async Task An_organisation_replaces_its_own_contacts_and_nobody_elses()
    {
        var scenario = await RecommendedAsync();
        var request = new Proto.ReplaceContactsRequest
        {
            RequestId = RegistryScenario.RequestId(),
            OrganisationId = scenario.OrgA,
            Contacts = { new Proto.Contact { Name = "李静", Phone = "13800138000", Email = "li.jing@example.org.cn" } },
        };
        await RpcAssert.RefusedAsync(StatusCode.PermissionDenied, () => client.ReplaceContactsAsync(request, factory.As(Roles.EvaluationOrg, org: scenario.OrgB)).ResponseAsync);

        var updated = await client.ReplaceContactsAsync(request, factory.As(Roles.EvaluationOrg, org: scenario.OrgA));
        Assert.Equal("李静", Assert.Single(updated.Contacts).Name);

        request.RequestId = RegistryScenario.RequestId();
        request.Contacts[0].Email = "not an address";
        var (_, fields) = await RpcAssert.RefusedAsync(StatusCode.InvalidArgument, () => client.ReplaceContactsAsync(request, factory.As(Roles.EvaluationOrg, org: scenario.OrgA)).ResponseAsync);
        Assert.Contains(fields!.FieldViolations, v => v.Field.Contains("email", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_branch_moved_to_another_province_leaves_the_old_bureaus_list_for_the_new_one()
    {
        var scenario = await RecommendedAsync();
        var add = scenario.AddBranch(scenario.OrgA, "mv-" + scenario.Suffix, "110000");
        await client.AddBranchAsync(add, factory.As(Roles.EvaluationOrg, org: scenario.OrgA));

        var change = new Proto.ChangeBranchRequest { RequestId = RegistryScenario.RequestId(), Branch = add.Branch.Clone() };
        change.Branch.RegionCode = "510000";
        await RpcAssert.RefusedAsync(StatusCode.PermissionDenied, () => client.ChangeBranchAsync(change, factory.As(Roles.EvaluationOrg, org: scenario.OrgB)).ResponseAsync);
        var moved = await client.ChangeBranchAsync(change, factory.As(Roles.EvaluationOrg, org: scenario.OrgA));
        Assert.Equal("四川省", moved.Region.Name);

        var beijing = await client.ListBranchesAsync(new Proto.ListBranchesRequest(), factory.As(Roles.ProvincialHr, region: "110000"));
        Assert.DoesNotContain(beijing.Branches, b => b.Id == add.Branch.Id);
        var sichuan = await client.ListBranchesAsync(new Proto.ListBranchesRequest(), factory.As(Roles.ProvincialHr, region: "510000"));
        Assert.Contains(sichuan.Branches, b => b.Id == add.Branch.Id);
    }

    [Fact]
    public async Task An_industry_organisation_registers_itself_and_adds_branches_without_a_recommendation()
    {
        var scenario = new RegistryScenario();
        await client.OpenBatchAsync(scenario.OpenBatch(), factory.As(Roles.NationalCentre));
        var industryId = "ind-" + scenario.Suffix;
        var draft = RegistryScenario.RegisterOrganisation(industryId, RegistryScenario.Electrician).Organisation;
        var request = new Proto.RegisterIndustryOrganisationRequest
        {
            RequestId = RegistryScenario.RequestId(),
            Organisation = draft,
            Kind = Proto.IndustryKind.Comprehensive,
        };
        var (info, _) = await RpcAssert.RefusedAsync(StatusCode.InvalidArgument, () => client.RegisterIndustryOrganisationAsync(request, factory.As(Roles.IndustryOrg, org: industryId)).ResponseAsync);
        Assert.Equal("R4", info.Reason);

        request.RequestId = RegistryScenario.RequestId();
        request.MemberAssociations.Add("中国电工技术学会");
        await RpcAssert.RefusedAsync(StatusCode.PermissionDenied, () => client.RegisterIndustryOrganisationAsync(request, factory.As(Roles.IndustryOrg, org: "someone-else")).ResponseAsync);
        var registered = await client.RegisterIndustryOrganisationAsync(request, factory.As(Roles.IndustryOrg, org: industryId));
        Assert.Equal(Proto.IndustryKind.Comprehensive, registered.Industry.Kind);

        var branch = await client.AddBranchAsync(scenario.AddBranch(industryId, "ind-br-" + scenario.Suffix), factory.As(Roles.IndustryOrg, org: industryId));
        Assert.True(branch.OrganisationIsIndustry);
        Assert.True(branch.OrganisationAdmitted);
        Assert.Empty(branch.RecommendedBy);
    }

    private async Task<RegistryScenario> RecommendedAsync()
    {
        var scenario = new RegistryScenario();
        await client.OpenBatchAsync(scenario.OpenBatch(), factory.As(Roles.NationalCentre));
        await client.RegisterDepartmentAsync(scenario.RegisterDepartment(), factory.As(Roles.Department, org: scenario.DepartmentId));
        await client.RegisterOrganisationAsync(RegistryScenario.RegisterOrganisation(scenario.OrgA, RegistryScenario.Electrician), factory.As(Roles.EvaluationOrg, org: scenario.OrgA));
        await client.RegisterOrganisationAsync(RegistryScenario.RegisterOrganisation(scenario.OrgB, RegistryScenario.Turner), factory.As(Roles.EvaluationOrg, org: scenario.OrgB));
        await client.RecommendOrganisationsAsync(scenario.Recommend(scenario.OrgA, scenario.OrgB), factory.As(Roles.Department, org: scenario.DepartmentId));
        return scenario;
    }
}
