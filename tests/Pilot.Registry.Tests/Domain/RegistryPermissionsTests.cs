using Pilot.Registry.Domain.Authorisation;
using Pilot.Registry.Domain.Model;
using Pilot.SharedKernel;
using static Pilot.Registry.Tests.Domain.TestData;

namespace Pilot.Registry.Tests.Domain;

public sealed class RegistryPermissionsTests
{
    private static readonly EvaluationOrganisation PlainOrg = Organisation(OrgA, CodeA);
    private static readonly EvaluationOrganisation IndustryOrg = IndustryOrganisation();
    private static readonly Recommendation[] RecommendedByMinistry = [new(Batch2020, Ministry, [OrgA, OrgB])];
    private static readonly Branch BeijingBranch = new(
        "br-1", OrgA, Batch2020, "北京分站", UnifiedSocialCreditCode.Parse(CodeF, "x"),
        ProvinceRegion.Parse("110000", "x"), "北京市", Eligible, [Covers(Electrician, 5)]);

    public static TheoryData<string> Callers() =>
        ["centre", "dept-self", "dept-other", "industry-self", "industry-other", "eval-self", "eval-other", "bureau-beijing", "bureau-shanghai", "platform", "anonymous"];

    /// <summary>Each caller name stands for one party; "self" means the party the question is about.</summary>
    private static Caller Who(string name) => name switch
    {
        "centre" => NationalCentre,
        "dept-self" => DepartmentCaller(Ministry),
        "dept-other" => DepartmentCaller("dept-other"),
        "industry-self" => IndustryCaller(Industry),
        "industry-other" => IndustryCaller("ind-other"),
        "eval-self" => EvaluationOrgCaller(OrgA),
        "eval-other" => EvaluationOrgCaller(OrgB),
        "bureau-beijing" => BureauCaller("110000"),
        "bureau-shanghai" => BureauCaller("310000"),
        "platform" => PlatformCaller,
        "anonymous" => Caller.Anonymous,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static bool Only(string caller, params string[] allowed) => allowed.Contains(caller);

    [Theory]
    [MemberData(nameof(Callers))]
    public void Only_the_centre_manages_batches_records_exceptions_and_publishes(string caller)
    {
        var expected = Only(caller, "centre");
        Assert.Equal(expected, RegistryPermissions.MayManageBatches(Who(caller)));
        Assert.Equal(expected, RegistryPermissions.MayRecordExceptions(Who(caller)));
        Assert.Equal(expected, RegistryPermissions.MayPublishOrganisations(Who(caller)));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public void A_department_registers_recommends_for_and_reads_itself_only(string caller)
    {
        var expected = Only(caller, "centre", "dept-self");
        Assert.Equal(expected, RegistryPermissions.MayRegisterDepartment(Who(caller), Ministry));
        Assert.Equal(expected, RegistryPermissions.MayRecommend(Who(caller), Ministry));
        Assert.Equal(expected, RegistryPermissions.MayReadDepartment(Who(caller), Ministry));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public void An_industry_organisation_registers_itself_only(string caller)
    {
        Assert.Equal(Only(caller, "centre", "industry-self"), RegistryPermissions.MayRegisterIndustryOrganisation(Who(caller), Industry));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public void Evaluation_organisations_are_registered_by_the_centre_departments_or_themselves(string caller)
    {
        Assert.Equal(Only(caller, "centre", "dept-self", "dept-other", "eval-self"), RegistryPermissions.MayRegisterOrganisation(Who(caller), OrgA));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public void An_evaluation_organisation_manages_its_own_branches_and_contacts(string caller)
    {
        var expected = Only(caller, "centre", "eval-self");
        Assert.Equal(expected, RegistryPermissions.MayManageBranches(Who(caller), PlainOrg));
        Assert.Equal(expected, RegistryPermissions.MayManageContacts(Who(caller), PlainOrg));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public void An_industry_organisation_manages_its_own_branches_and_contacts(string caller)
    {
        var expected = Only(caller, "centre", "industry-self");
        Assert.Equal(expected, RegistryPermissions.MayManageBranches(Who(caller), IndustryOrg));
        Assert.Equal(expected, RegistryPermissions.MayManageContacts(Who(caller), IndustryOrg));
    }

    [Fact]
    public void The_industry_role_does_not_reach_a_plain_organisation_with_the_same_id()
    {
        Assert.False(RegistryPermissions.MayManageBranches(IndustryCaller(OrgA), PlainOrg));
        Assert.True(RegistryPermissions.MayManageBranches(EvaluationOrgCaller(Industry), IndustryOrg));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public void Everyone_reads_occupations_and_batches(string caller)
    {
        Assert.True(RegistryPermissions.MayReadOccupations(Who(caller)));
        Assert.True(RegistryPermissions.MayReadBatches(Who(caller)));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public void An_unpublished_organisation_is_read_by_the_centre_itself_and_its_recommending_department(string caller)
    {
        Assert.Equal(Only(caller, "centre", "eval-self", "dept-self"), RegistryPermissions.MayReadOrganisation(Who(caller), PlainOrg, RecommendedByMinistry));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public void A_published_organisation_is_read_by_everyone(string caller)
    {
        Assert.True(RegistryPermissions.MayReadOrganisation(Who(caller), PlainOrg with { IsPublished = true }, []));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public void A_branch_is_read_by_the_centre_its_own_region_its_organisation_and_the_recommending_department(string caller)
    {
        Assert.Equal(
            Only(caller, "centre", "bureau-beijing", "eval-self", "dept-self"),
            RegistryPermissions.MayReadBranch(Who(caller), BeijingBranch, PlainOrg, RecommendedByMinistry));
    }

    [Fact]
    public void Demand_refuses_with_forbidden_and_says_who_and_what()
    {
        var error = Assert.Throws<DomainException>(() => RegistryPermissions.Demand(false, Caller.Anonymous, "open a batch"));
        Assert.Equal(ErrorKind.Forbidden, error.Kind);
        Assert.Contains("open a batch", error.Message, StringComparison.Ordinal);
        RegistryPermissions.Demand(true, Caller.Anonymous, "anything");
    }
}
