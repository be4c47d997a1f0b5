using System.Text.Json.Nodes;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pilot.Filing.Registry;
using Pilot.Filing.Storage;
using Pilot.Filing.Tests.Domain;
using Pilot.Filing.Tests.Grpc.Support;
using Pilot.Protos.Registry;
using Pilot.SharedKernel;
using PilotWorkPlan = Pilot.Filing.Domain.Filings.PilotWorkPlan;
using DomainSubmitterKind = Pilot.Filing.Domain.Materials.SubmitterKind;

namespace Pilot.Filing.Tests.Grpc;

/// <summary>How the Registry's answer becomes the facts R5 and R6 are judged by, with the caller's own token.</summary>
public sealed class RegistryBranchFactsTests(FilingFactory factory) : IClassFixture<FilingFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly Scenario scenario = new(factory);

    [Fact]
    public async Task A_recommended_organisations_branch_is_read_with_the_callers_token()
    {
        var registry = new FakeRegistry(new Branch
        {
            Id = "b-1", OrganisationId = "eval-1", BatchId = FilingFactory.OpenBatch, OrganisationAdmitted = true,
            Region = new Region { Code = "110000", Name = "北京市" },
        });

        var facts = await Source(registry, "Bearer the-callers-token").FindAsync(FilingFactory.OpenBatch, "b-1", Ct);

        Assert.NotNull(facts);
        Assert.Equal(("eval-1", "110000"), (facts.OrganisationId, facts.RegisteredRegionCode));
        Assert.True(facts.OrganisationRecommendedForBatch);
        Assert.False(facts.OrganisationIsIndustryOrganisation);
        Assert.Equal("Bearer the-callers-token", registry.SeenAuthorization);
        Assert.Equal("b-1", registry.SeenBranchId);
    }

    [Fact]
    public async Task An_industry_organisations_plan_names_its_branch_once_its_package_lists_it()
    {
        var (org, caller) = scenario.Sponsor(DomainSubmitterKind.IndustryOrganisation);
        var registry = new FakeRegistry(new Branch
        {
            Id = "b-2", OrganisationId = org, BatchId = FilingFactory.OpenBatch, OrganisationIsIndustry = true, OrganisationAdmitted = true,
            Region = new Region { Code = "310000" },
        });

        var before = await Source(registry).FindAsync(FilingFactory.OpenBatch, "b-2", Ct);
        var file = await scenario.UploadAsync(caller, org, SampleFiles.Pdf());
        await scenario.Client.SubmitPackageAsync(Scenario.CompletePackage(DomainSubmitterKind.IndustryOrganisation, org, file.Sha256, branchIds: ["b-1"]), caller, cancellationToken: Ct);
        var withoutIt = await Source(registry).FindAsync(FilingFactory.OpenBatch, "b-2", Ct);
        var second = await scenario.Client.SubmitPackageAsync(
            Scenario.CompletePackage(DomainSubmitterKind.IndustryOrganisation, org, file.Sha256, expectedVersion: 1, branchIds: ["b-1", "b-2"]), caller, cancellationToken: Ct);
        var after = await Source(registry).FindAsync(FilingFactory.OpenBatch, "b-2", Ct);

        Assert.Equal(PilotWorkPlan.NotReceived, before!.PilotWorkPlan);
        Assert.Equal(PilotWorkPlan.ReceivedWithoutBranch, withoutIt!.PilotWorkPlan);
        Assert.Equal(PilotWorkPlan.NamesBranch, after!.PilotWorkPlan);
        Assert.Equal(["b-1", "b-2"], second.Versions[^1].BranchIds);
        Assert.False(second.Versions[^1].NamesAllBranches);
        Assert.True(after.OrganisationIsIndustryOrganisation);
        Assert.False(after.OrganisationRecommendedForBatch);
    }

    [Fact]
    public async Task A_recommended_organisations_branch_is_named_once_a_recommending_department_lists_it()
    {
        var (department, caller) = scenario.Sponsor(DomainSubmitterKind.Department);
        var (otherDepartment, otherCaller) = scenario.Sponsor(DomainSubmitterKind.Department);
        var registry = new FakeRegistry(new Branch
        {
            Id = "b-7", OrganisationId = "eval-7", BatchId = FilingFactory.OpenBatch, OrganisationAdmitted = true,
            RecommendedBy = { department }, Region = new Region { Code = "420000" },
        });

        var otherFile = await scenario.UploadAsync(otherCaller, otherDepartment, SampleFiles.Pdf());
        await scenario.Client.SubmitPackageAsync(Scenario.CompletePackage(DomainSubmitterKind.Department, otherDepartment, otherFile.Sha256, branchIds: ["b-7"]), otherCaller, cancellationToken: Ct);
        var beforeOwnDepartment = await Source(registry).FindAsync(FilingFactory.OpenBatch, "b-7", Ct);
        var file = await scenario.UploadAsync(caller, department, SampleFiles.Pdf());
        await scenario.Client.SubmitPackageAsync(Scenario.CompletePackage(DomainSubmitterKind.Department, department, file.Sha256, branchIds: ["b-8", "b-7"]), caller, cancellationToken: Ct);
        var after = await Source(registry).FindAsync(FilingFactory.OpenBatch, "b-7", Ct);

        Assert.True(beforeOwnDepartment!.OrganisationRecommendedForBatch);
        Assert.Equal(PilotWorkPlan.NotReceived, beforeOwnDepartment.PilotWorkPlan);
        Assert.Equal(PilotWorkPlan.NamesBranch, after!.PilotWorkPlan);
    }

    [Fact]
    public async Task A_package_stored_before_packages_carried_a_branch_list_still_names_its_sponsors_branches()
    {
        var (org, caller) = scenario.Sponsor(DomainSubmitterKind.IndustryOrganisation);
        var registry = new FakeRegistry(new Branch
        {
            Id = "b-9", OrganisationId = org, BatchId = FilingFactory.OpenBatch, OrganisationIsIndustry = true, OrganisationAdmitted = true,
            Region = new Region { Code = "310000" },
        });
        var file = await scenario.UploadAsync(caller, org, SampleFiles.Pdf());
        await scenario.Client.SubmitPackageAsync(Scenario.CompletePackage(DomainSubmitterKind.IndustryOrganisation, org, file.Sha256), caller, cancellationToken: Ct);
        var namingNone = await Source(registry).FindAsync(FilingFactory.OpenBatch, "b-9", Ct);

        // As written before: the versions carry no branchIds at all.
        var key = FilingKeys.Package($"{FilingFactory.OpenBatch}/{org}");
        var stored = JsonNode.Parse((string)(await factory.Redis.HashGetAsync(key, "state"))!)!;
        foreach (var version in stored["versions"]!.AsArray())
        {
            Assert.True(version!.AsObject().Remove("branchIds"));
        }

        await factory.Redis.HashSetAsync(key, "state", stored.ToJsonString());
        var legacy = await Source(registry).FindAsync(FilingFactory.OpenBatch, "b-9", Ct);
        var read = await scenario.Client.GetPackageAsync(new Pilot.Protos.Filing.GetPackageRequest { BatchId = FilingFactory.OpenBatch, SponsorOrgId = org }, caller, cancellationToken: Ct);

        Assert.Equal(PilotWorkPlan.ReceivedWithoutBranch, namingNone!.PilotWorkPlan);
        Assert.Equal(PilotWorkPlan.NamesBranch, legacy!.PilotWorkPlan);
        Assert.True(read.Versions[^1].NamesAllBranches);
        Assert.Empty(read.Versions[^1].BranchIds);
    }

    [Fact]
    public async Task A_branch_of_another_batch_or_unknown_to_the_Registry_has_no_facts()
    {
        var otherBatch = new FakeRegistry(new Branch { Id = "b-3", BatchId = "2020", Region = new Region { Code = "110000" } });
        Assert.Null(await Source(otherBatch).FindAsync(FilingFactory.OpenBatch, "b-3", Ct));

        var unknown = new FakeRegistry(new RpcException(new Status(StatusCode.NotFound, "no such branch")));
        Assert.Null(await Source(unknown).FindAsync(FilingFactory.OpenBatch, "b-4", Ct));
    }

    [Fact]
    public async Task The_Registrys_refusal_and_absence_are_reported_as_such()
    {
        var denied = new FakeRegistry(new RpcException(new Status(StatusCode.PermissionDenied, "not yours")));
        var forbidden = await Assert.ThrowsAsync<DomainException>(() => Source(denied).FindAsync(FilingFactory.OpenBatch, "b-5", Ct));
        Assert.Equal(ErrorKind.Forbidden, forbidden.Kind);

        var down = new FakeRegistry(new RpcException(new Status(StatusCode.Unimplemented, "not serving yet")));
        var unavailable = await Assert.ThrowsAsync<RpcException>(() => Source(down).FindAsync(FilingFactory.OpenBatch, "b-6", Ct));
        Assert.Equal(StatusCode.Unavailable, unavailable.StatusCode);
    }

    private RegistryBranchFactsSource Source(FakeRegistry registry, string authorization = "Bearer t")
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Authorization = authorization;
        return new RegistryBranchFactsSource(
            registry, new CallerToken(new HttpContextAccessor { HttpContext = http }), factory.Services.GetRequiredService<FilingStore>());
    }

    private sealed class FakeRegistry : Protos.Registry.Registry.RegistryClient
    {
        private readonly Branch? branch;
        private readonly RpcException? error;

        public FakeRegistry(Branch branch) => this.branch = branch;

        public FakeRegistry(RpcException error) => this.error = error;

        public string? SeenAuthorization { get; private set; }

        public string? SeenBranchId { get; private set; }

        public override AsyncUnaryCall<Branch> GetBranchAsync(GetBranchRequest request, Metadata headers = null!, DateTime? deadline = null, CancellationToken cancellationToken = default)
        {
            SeenBranchId = request.BranchId;
            SeenAuthorization = headers?.GetValue("authorization");
            var reply = error is null ? Task.FromResult(branch!) : Task.FromException<Branch>(error);
            return new AsyncUnaryCall<Branch>(reply, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        }
    }
}
