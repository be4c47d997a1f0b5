using Pilot.Registry.Domain.Commands;
using Pilot.Registry.Domain.Events;
using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.Rules;
using Pilot.SharedKernel;
using static Pilot.Registry.Tests.Domain.TestData;

namespace Pilot.Registry.Tests.Domain;

public sealed class RecommendationTests
{
    private static RecommendOrganisations Recommend(params string[] organisationIds) => new("r", Batch2020, Ministry, organisationIds);

    [Fact]
    public void Two_organisations_covering_every_former_occupation_are_recommended()
    {
        var decision = Decider.RecommendOrganisations(Recommend(OrgA, OrgB), DepartmentCaller(), Seeded());

        Assert.Equal([OrgA, OrgB], decision.State.OrganisationIds);
        var recommended = Assert.IsType<OrganisationsRecommended>(Assert.Single(decision.Events));
        Assert.Equal("pilot.registry.organisations-recommended.v1", Pilot.Registry.IntegrationEvents.RegistryEventMapper.ToOutgoing(recommended).Type);
        Assert.Equal("工业和信息化部", recommended.DepartmentName);
        Assert.Equal([CodeA, CodeB], recommended.Organisations.Select(o => o.CreditCode));
        Assert.Equal(3, recommended.FormerOccupations.Count);
    }

    [Theory]
    [InlineData(OrgA)]
    [InlineData(OrgA + "," + OrgB + "," + OrgC)]
    [InlineData(OrgA + "," + OrgA)]
    [InlineData(OrgA + "," + OrgB + "," + OrgA)]
    [InlineData("")]
    public void R3_refuses_anything_but_two_different_organisations(string commaSeparatedIds)
    {
        var organisationIds = commaSeparatedIds.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var error = Refused(() => Decider.RecommendOrganisations(Recommend(organisationIds), DepartmentCaller(), Seeded()));

        Assert.Equal("R3", error.Rule);
        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Equal("organisation_ids", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void R3_refuses_an_industry_organisation_at_its_place_in_the_list()
    {
        var error = Refused(() => Decider.RecommendOrganisations(Recommend(OrgA, Industry), DepartmentCaller(), Seeded()));

        Assert.Equal("R3", error.Rule);
        Assert.Equal(ErrorKind.Invalid, error.Kind);
        var violation = Assert.Single(error.Violations);
        Assert.Equal("organisation_ids[1]", violation.Field);
        Assert.Contains("industry organisation", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void R3_names_each_uncovered_occupation_by_code_and_name()
    {
        var error = Refused(() => Decider.RecommendOrganisations(Recommend(OrgA, OrgC), DepartmentCaller(), Seeded()));

        Assert.Equal("R3", error.Rule);
        var gap = Assert.IsType<CoverageGapException>(error);
        Assert.Equal([new OccupationRef(Miller)], gap.Uncovered);
        Assert.Contains("6-18-01-02 铣工", error.Message, StringComparison.Ordinal);
        var violation = Assert.Single(error.Violations);
        Assert.Equal("organisation_ids", violation.Field);
        Assert.Contains("6-18-01-02 铣工", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_organisation_covering_only_one_sub_type_leaves_the_rest_of_the_occupation_uncovered()
    {
        var narrow = Organisation("org-narrow", CodeD, new OccupationCoverage(Miller, "数控铣工", [3]));
        var error = Refused(() => Decider.RecommendOrganisations(Recommend(OrgA, narrow.Id), DepartmentCaller(), Seeded().With(narrow)));

        Assert.Equal([new OccupationRef(Miller)], Assert.IsType<CoverageGapException>(error).Uncovered);
    }

    [Fact]
    public void A_whole_occupation_covers_a_former_sub_type()
    {
        var department = MinistryRecord with { FormerOccupations = [new(Miller, "数控铣工"), new(Electrician)] };
        var decision = Decider.RecommendOrganisations(Recommend(OrgA, OrgB), DepartmentCaller(), Seeded().With(department));
        Assert.Equal(Ministry, decision.State.DepartmentId);
    }

    [Fact]
    public void A_department_recommends_for_itself_only()
    {
        var error = Refused(() => Decider.RecommendOrganisations(Recommend(OrgA, OrgB), DepartmentCaller("dept-other"), Seeded()));
        Assert.Equal(ErrorKind.Forbidden, error.Kind);
        Assert.Equal(ErrorKind.Forbidden, Refused(() => Decider.RecommendOrganisations(Recommend(OrgA, OrgB), EvaluationOrgCaller(OrgA), Seeded())).Kind);
    }

    [Fact]
    public void Unknown_organisation_department_or_batch_is_not_found()
    {
        var unknownOrg = Refused(() => Decider.RecommendOrganisations(Recommend(OrgA, "nope"), DepartmentCaller(), Seeded()));
        Assert.Equal(ErrorKind.NotFound, unknownOrg.Kind);
        Assert.Equal("organisation_ids[1]", Assert.Single(unknownOrg.Violations).Field);

        Assert.Equal(ErrorKind.NotFound, Refused(() => Decider.RecommendOrganisations(new("r", Batch2020, "dept-x", [OrgA, OrgB]), NationalCentre, Seeded())).Kind);
        Assert.Equal(ErrorKind.NotFound, Refused(() => Decider.RecommendOrganisations(new("r", "batch-x", Ministry, [OrgA, OrgB]), NationalCentre, Seeded())).Kind);
    }

    [Fact]
    public void A_closed_batch_takes_no_recommendations()
    {
        var closed = Seeded().With(OpenBatch2020 with { Status = BatchStatus.Closed });
        Assert.Equal(ErrorKind.Precondition, Refused(() => Decider.RecommendOrganisations(Recommend(OrgA, OrgB), DepartmentCaller(), closed)).Kind);
    }

    [Fact]
    public void A_second_recommendation_for_the_same_batch_is_a_conflict()
    {
        var error = Refused(() => Decider.RecommendOrganisations(Recommend(OrgA, OrgB), DepartmentCaller(), SeededWithRecommendation()));
        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
    }
}
