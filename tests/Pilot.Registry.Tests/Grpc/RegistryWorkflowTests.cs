using Grpc.Core;
using Pilot.SharedKernel;
using StackExchange.Redis;
using Proto = Pilot.Protos.Registry;

namespace Pilot.Registry.Tests.Grpc;

public sealed class RegistryWorkflowTests(RegistryFactory factory) : IClassFixture<RegistryFactory>
{
    private readonly Proto.Registry.RegistryClient client = factory.Client();

    [Fact]
    public async Task A_department_recommends_two_organisations_that_cover_its_occupations_and_each_step_is_announced()
    {
        var scenario = new RegistryScenario();
        var eventsBefore = await RegistryEventTypesAsync();
        await client.OpenBatchAsync(scenario.OpenBatch(), factory.As(Roles.NationalCentre));
        await client.RegisterDepartmentAsync(scenario.RegisterDepartment(), factory.As(Roles.Department, org: scenario.DepartmentId));
        await client.RegisterOrganisationAsync(RegistryScenario.RegisterOrganisation(scenario.OrgA, RegistryScenario.Electrician), factory.As(Roles.EvaluationOrg, org: scenario.OrgA));
        await client.RegisterOrganisationAsync(RegistryScenario.RegisterOrganisation(scenario.OrgB, RegistryScenario.Turner), factory.As(Roles.EvaluationOrg, org: scenario.OrgB));

        var recommendation = await client.RecommendOrganisationsAsync(scenario.Recommend(scenario.OrgA, scenario.OrgB), factory.As(Roles.Department, org: scenario.DepartmentId));
        Assert.Equal([scenario.OrgA, scenario.OrgB], recommendation.OrganisationIds);

        var branch = await client.AddBranchAsync(scenario.AddBranch(scenario.OrgA, "br-" + scenario.Suffix, "440000"), factory.As(Roles.EvaluationOrg, org: scenario.OrgA));
        Assert.True(branch.OrganisationAdmitted);
        Assert.Equal([scenario.DepartmentId], branch.RecommendedBy);
        Assert.Equal([scenario.DepartmentId], (await client.GetBranchAsync(new Proto.GetBranchRequest { BranchId = branch.Id }, factory.As(Roles.NationalCentre))).RecommendedBy);
        Assert.Equal("广东省", branch.Region.Name);

        var published = (await RegistryEventTypesAsync()).Skip(eventsBefore.Count).ToList();
        Assert.Equal(
            ["pilot.registry.batch-opened.v1", "pilot.registry.sponsor-registered.v1", "pilot.registry.organisation-registered.v1",
             "pilot.registry.organisation-registered.v1", "pilot.registry.organisations-recommended.v1", "pilot.registry.branch-added.v1"],
            published);
    }

    [Fact]
    public async Task A_recommendation_with_a_gap_is_refused_under_R3_naming_the_uncovered_occupation()
    {
        var scenario = await RegisteredAsync();
        await client.RegisterOrganisationAsync(RegistryScenario.RegisterOrganisation(scenario.OrgB, RegistryScenario.Miller), factory.As(Roles.EvaluationOrg, org: scenario.OrgB));
        var (info, fields) = await RpcAssert.RefusedAsync(StatusCode.InvalidArgument, () =>
            client.RecommendOrganisationsAsync(scenario.Recommend(scenario.OrgA, scenario.OrgB), factory.As(Roles.Department, org: scenario.DepartmentId)).ResponseAsync);
        Assert.Equal("R3", info.Reason);
        Assert.NotNull(fields);
        Assert.Contains(fields.FieldViolations, v => v.Description.Contains(RegistryScenario.Turner, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_branch_under_an_organisation_nobody_recommended_is_refused_under_R5()
    {
        var scenario = await RegisteredAsync();
        var (info, fields) = await RpcAssert.RefusedAsync(StatusCode.FailedPrecondition, () =>
            client.AddBranchAsync(scenario.AddBranch(scenario.OrgA, "br-" + scenario.Suffix), factory.As(Roles.EvaluationOrg, org: scenario.OrgA)).ResponseAsync);
        Assert.Equal("R5", info.Reason);
        Assert.NotNull(fields);
    }

    [Fact]
    public async Task A_government_body_is_refused_under_R1_until_the_national_centre_records_an_exception()
    {
        var request = RegistryScenario.RegisterOrganisation("org-gov-" + Guid.NewGuid().ToString("N")[..8], RegistryScenario.Electrician);
        request.Eligibility = new Proto.Eligibility { IsGovernmentBody = true };
        var (info, fields) = await RpcAssert.RefusedAsync(StatusCode.InvalidArgument, () =>
            client.RegisterOrganisationAsync(request, factory.As(Roles.NationalCentre)).ResponseAsync);
        Assert.Equal("R1", info.Reason);
        Assert.Contains(fields!.FieldViolations, v => v.Field.Contains("is_government_body", StringComparison.Ordinal));

        await client.RecordExceptionAsync(
            new Proto.RecordExceptionRequest { RequestId = RegistryScenario.RequestId(), Party = "organisation", CreditCode = request.Organisation.CreditCode, Reason = "原行业鉴定中心，经批准保留" },
            factory.As(Roles.NationalCentre));
        request.RequestId = RegistryScenario.RequestId();
        var admitted = await client.RegisterOrganisationAsync(request, factory.As(Roles.NationalCentre));
        Assert.Equal("原行业鉴定中心，经批准保留", admitted.Exception.Reason);
    }

    [Fact]
    public async Task The_same_request_id_twice_gives_the_same_answer_and_announces_once()
    {
        var scenario = new RegistryScenario();
        var request = scenario.OpenBatch();
        var before = (await RegistryEventTypesAsync()).Count;
        var first = await client.OpenBatchAsync(request, factory.As(Roles.NationalCentre));
        var second = await client.OpenBatchAsync(request, factory.As(Roles.NationalCentre));
        Assert.Equal(first, second);
        Assert.Equal(before + 1, (await RegistryEventTypesAsync()).Count);

        var reused = request.Clone();
        reused.Name = "another batch";
        var (info, _) = await RpcAssert.RefusedAsync(StatusCode.InvalidArgument, () => client.OpenBatchAsync(reused, factory.As(Roles.NationalCentre)).ResponseAsync);
        Assert.Equal("INVALID_INPUT", info.Reason);
    }

    [Fact]
    public async Task Two_branches_racing_for_one_credit_code_end_with_exactly_one_registered()
    {
        var scenario = await RecommendedAsync();
        var creditCode = RegistryScenario.CreditCode();
        var attempts = Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                await client.AddBranchAsync(scenario.AddBranch(scenario.OrgA, $"br-{i}-{scenario.Suffix}", creditCode: creditCode), factory.As(Roles.EvaluationOrg, org: scenario.OrgA));
                return true;
            }
            catch (RpcException)
            {
                return false;
            }
        });
        var outcomes = await Task.WhenAll(attempts);
        Assert.Single(outcomes, won => won);
        var listed = await client.ListBranchesAsync(new Proto.ListBranchesRequest { OrganisationId = scenario.OrgA }, factory.As(Roles.NationalCentre));
        Assert.Single(listed.Branches, b => b.CreditCode == creditCode);
    }

    [Fact]
    public async Task A_provincial_bureau_reads_the_branches_of_its_own_region_and_no_other()
    {
        var scenario = await RecommendedAsync();
        await client.AddBranchAsync(scenario.AddBranch(scenario.OrgA, "bj-" + scenario.Suffix, "110000"), factory.As(Roles.EvaluationOrg, org: scenario.OrgA));
        await client.AddBranchAsync(scenario.AddBranch(scenario.OrgA, "sh-" + scenario.Suffix, "310000"), factory.As(Roles.EvaluationOrg, org: scenario.OrgA));

        var beijing = await client.ListBranchesAsync(new Proto.ListBranchesRequest(), factory.As(Roles.ProvincialHr, region: "110000"));
        Assert.Contains(beijing.Branches, b => b.Id == "bj-" + scenario.Suffix);
        Assert.All(beijing.Branches, b => Assert.Equal("110000", b.Region.Code));

        await RpcAssert.RefusedAsync(StatusCode.PermissionDenied, () =>
            client.ListBranchesAsync(new Proto.ListBranchesRequest { RegionCode = "310000" }, factory.As(Roles.ProvincialHr, region: "110000")).ResponseAsync);
        await RpcAssert.RefusedAsync(StatusCode.PermissionDenied, () =>
            client.GetBranchAsync(new Proto.GetBranchRequest { BranchId = "sh-" + scenario.Suffix }, factory.As(Roles.ProvincialHr, region: "110000")).ResponseAsync);
    }

    [Fact]
    public async Task A_department_may_not_register_or_recommend_for_another_department()
    {
        var scenario = new RegistryScenario();
        await client.OpenBatchAsync(scenario.OpenBatch(), factory.As(Roles.NationalCentre));
        await RpcAssert.RefusedAsync(StatusCode.PermissionDenied, () =>
            client.RegisterDepartmentAsync(scenario.RegisterDepartment(), factory.As(Roles.Department, org: "someone-else")).ResponseAsync);
        await RpcAssert.RefusedAsync(StatusCode.PermissionDenied, () =>
            client.OpenBatchAsync(new RegistryScenario().OpenBatch(), factory.As(Roles.Department, org: scenario.DepartmentId)).ResponseAsync);
    }

    [Fact]
    public async Task The_public_reads_no_organisation_from_the_registry_and_publishing_is_redirected_to_the_directory()
    {
        var scenario = await RegisteredAsync();
        var anonymous = new CallOptions(cancellationToken: TestContext.Current.CancellationToken);
        await RpcAssert.RefusedAsync(StatusCode.PermissionDenied, () =>
            client.GetOrganisationAsync(new Proto.GetOrganisationRequest { OrganisationId = scenario.OrgA }, anonymous).ResponseAsync);

        await RpcAssert.RefusedAsync(StatusCode.FailedPrecondition, () => client.PublishOrganisationAsync(
            new Proto.PublishOrganisationRequest { RequestId = RegistryScenario.RequestId(), OrganisationId = scenario.OrgA }, factory.As(Roles.NationalCentre)).ResponseAsync);
        await RpcAssert.RefusedAsync(StatusCode.PermissionDenied, () =>
            client.GetOrganisationAsync(new Proto.GetOrganisationRequest { OrganisationId = scenario.OrgA }, anonymous).ResponseAsync);
        var listed = await client.ListOrganisationsAsync(new Proto.ListOrganisationsRequest { PageSize = 500 }, anonymous);
        Assert.DoesNotContain(listed.Organisations, o => o.Id == scenario.OrgA);
    }

    [Fact]
    public async Task Anyone_reads_the_occupations_and_sees_which_are_in_the_pilot_scope()
    {
        var anonymous = new CallOptions(cancellationToken: TestContext.Current.CancellationToken);
        var welder = await client.GetOccupationAsync(new Proto.GetOccupationRequest { Code = "6-18-02-04" }, anonymous);
        Assert.False(welder.InPilotScope);
        Assert.Equal(Proto.QualificationKind.Licensing, welder.Kind);
        var inScope = await client.ListOccupationsAsync(new Proto.ListOccupationsRequest { InPilotScopeOnly = true, PageSize = 500 }, anonymous);
        Assert.All(inScope.Occupations, o => Assert.True(o.InPilotScope));
        Assert.Contains(inScope.Occupations, o => o.Code == RegistryScenario.Electrician);
    }

    private async Task<RegistryScenario> RegisteredAsync()
    {
        var scenario = new RegistryScenario();
        await client.OpenBatchAsync(scenario.OpenBatch(), factory.As(Roles.NationalCentre));
        await client.RegisterDepartmentAsync(scenario.RegisterDepartment(), factory.As(Roles.Department, org: scenario.DepartmentId));
        await client.RegisterOrganisationAsync(RegistryScenario.RegisterOrganisation(scenario.OrgA, RegistryScenario.Electrician), factory.As(Roles.EvaluationOrg, org: scenario.OrgA));
        return scenario;
    }

    private async Task<RegistryScenario> RecommendedAsync()
    {
        var scenario = await RegisteredAsync();
        await client.RegisterOrganisationAsync(RegistryScenario.RegisterOrganisation(scenario.OrgB, RegistryScenario.Turner), factory.As(Roles.EvaluationOrg, org: scenario.OrgB));
        await client.RecommendOrganisationsAsync(scenario.Recommend(scenario.OrgA, scenario.OrgB), factory.As(Roles.Department, org: scenario.DepartmentId));
        return scenario;
    }

    private async Task<IReadOnlyList<string>> RegistryEventTypesAsync()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(factory.RedisServer.ConnectionString);
        var entries = await connection.GetDatabase().StreamRangeAsync("registry-events");
        return [.. entries.Select(e => System.Text.Json.JsonDocument.Parse(e["data"].ToString()).RootElement.GetProperty("type").GetString()!)];
    }
}
