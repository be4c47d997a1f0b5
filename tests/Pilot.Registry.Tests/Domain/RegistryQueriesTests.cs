using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.Queries;
using Pilot.SharedKernel;
using static Pilot.Registry.Tests.Domain.TestData;

namespace Pilot.Registry.Tests.Domain;

public sealed class RegistryQueriesTests
{
    private static readonly RegistryQueries Queries = new();

    private static readonly ExceptionRecord BranchException =
        new(PartyKind.Branch, UnifiedSocialCreditCode.Parse(CodeF, "x"), "R1", "唯一站点", "centre-user", DateTimeOffset.UnixEpoch);

    private static Branch BranchIn(string id, string creditCode, string region) =>
        new(id, OrgA, Batch2020, id, UnifiedSocialCreditCode.Parse(creditCode, "x"), ProvinceRegion.Parse(region, "x"), "addr", Eligible, [Covers(Electrician, 5)]);

    [Fact]
    public void The_public_lists_occupations_and_the_pilot_scope()
    {
        Assert.Equal(1639, Queries.ListOccupations(Caller.Anonymous, onlyInPilotScope: false).Count);
        var inScope = Queries.ListOccupations(Caller.Anonymous, onlyInPilotScope: true);
        Assert.Equal(177, inScope.Count);
        Assert.DoesNotContain(inScope, o => o.Code == Welder);
    }

    [Fact]
    public void Getting_an_occupation_validates_the_code()
    {
        Assert.Equal("焊工", Queries.GetOccupation(Caller.Anonymous, Welder).Name);
        Assert.Equal(ErrorKind.Invalid, Refused(() => Queries.GetOccupation(Caller.Anonymous, "618024")).Kind);
        Assert.Equal(ErrorKind.NotFound, Refused(() => Queries.GetOccupation(Caller.Anonymous, "6-99-99-99")).Kind);
    }

    [Fact]
    public void An_organisation_view_shows_its_exception()
    {
        var exception = BranchException with { Party = PartyKind.Organisation, CreditCode = UnifiedSocialCreditCode.Parse(CodeA, "x") };
        var view = RegistryQueries.GetOrganisation(NationalCentre, OrgA, Seeded().With(exception));
        Assert.Equal(OrgA, view.Organisation.Id);
        Assert.Equal("唯一站点", view.Exception?.Reason);
        Assert.Null(RegistryQueries.GetOrganisation(NationalCentre, OrgB, Seeded()).Exception);
    }

    [Fact]
    public void The_public_reads_an_organisation_only_once_published()
    {
        Assert.Equal(ErrorKind.Forbidden, Refused(() => RegistryQueries.GetOrganisation(Caller.Anonymous, OrgA, Seeded())).Kind);
        var published = Seeded().With(Organisation(OrgA, CodeA) with { IsPublished = true });
        Assert.Equal(OrgA, RegistryQueries.GetOrganisation(Caller.Anonymous, OrgA, published).Organisation.Id);
        Assert.Equal(ErrorKind.NotFound, Refused(() => RegistryQueries.GetOrganisation(NationalCentre, "nope", Seeded())).Kind);
    }

    [Fact]
    public void A_branch_view_shows_its_exception_and_organisation()
    {
        var state = Seeded().With(BranchIn("br-1", CodeF, "110000")).With(BranchException);
        var view = RegistryQueries.GetBranch(BureauCaller("110000"), "br-1", state);

        Assert.Equal("唯一站点", view.Exception?.Reason);
        Assert.Equal("Organisation org-a", view.OrganisationName);
        Assert.Equal(ErrorKind.Forbidden, Refused(() => RegistryQueries.GetBranch(BureauCaller("310000"), "br-1", state)).Kind);
        Assert.Equal(ErrorKind.NotFound, Refused(() => RegistryQueries.GetBranch(NationalCentre, "nope", state)).Kind);
    }

    [Fact]
    public void A_bureau_sees_only_the_branches_registered_in_its_region()
    {
        var state = Seeded().With(BranchIn("br-bj", CodeF, "110000")).With(BranchIn("br-sh", CodeG, "310000"));

        var beijing = RegistryQueries.ReadableBranches(BureauCaller("110000"), state.Branches, state);
        Assert.Equal(["br-bj"], beijing.Select(v => v.Branch.Id));
        Assert.Equal(2, RegistryQueries.ReadableBranches(NationalCentre, state.Branches, state).Count);
        Assert.Empty(RegistryQueries.ReadableBranches(Caller.Anonymous, state.Branches, state));
    }

    [Fact]
    public void Departments_are_read_by_themselves_and_batches_by_anyone()
    {
        Assert.Equal(Ministry, RegistryQueries.GetDepartment(DepartmentCaller(), Ministry, Seeded()).Id);
        Assert.Equal(ErrorKind.Forbidden, Refused(() => RegistryQueries.GetDepartment(DepartmentCaller("dept-other"), Ministry, Seeded())).Kind);
        Assert.Equal("2020年第一批", RegistryQueries.GetBatch(Caller.Anonymous, Batch2020, Seeded()).Name);
    }
}
