using Pilot.Registry.Domain.Commands;
using Pilot.Registry.Domain.Events;
using Pilot.Registry.Domain.Model;
using Pilot.SharedKernel;
using static Pilot.Registry.Tests.Domain.TestData;

namespace Pilot.Registry.Tests.Domain;

public sealed class BranchTests
{
    private static AddBranch Add(string organisationId, BranchDraft draft) => new("r", Batch2020, organisationId, draft);

    [Fact]
    public void A_recommended_organisation_adds_a_branch_and_the_event_carries_everything_a_consumer_needs()
    {
        var decision = Decider.AddBranch(Add(OrgA, BranchDraft("br-1", CodeF, "310000")), EvaluationOrgCaller(OrgA), SeededWithRecommendation());

        var branch = decision.State;
        Assert.Equal(OrgA, branch.OrganisationId);
        Assert.Equal("上海市", branch.Region.Name);
        var added = Assert.IsType<BranchAdded>(Assert.Single(decision.Events));
        Assert.Equal("pilot.registry.branch-added.v1", Pilot.Registry.IntegrationEvents.RegistryEventMapper.ToOutgoing(added).Type);
        Assert.Equal(("br-1", OrgA, Batch2020, CodeF, "310000", "上海市", false), (added.BranchId, added.OrganisationId, added.BatchId, added.CreditCode, added.RegionCode, added.RegionName, added.IsIndustryOrganisation));
        Assert.Equal("电工", Assert.Single(added.Occupations).Name);
        Assert.Equal([3, 4, 5], added.Occupations[0].Levels);
    }

    [Fact]
    public void An_industry_organisation_needs_no_recommendation()
    {
        var draft = BranchDraft("br-1", CodeF, occupations: Covers(Turner, 5));
        var decision = Decider.AddBranch(Add(Industry, draft), IndustryCaller(), Seeded());
        Assert.True(Assert.IsType<BranchAdded>(Assert.Single(decision.Events)).IsIndustryOrganisation);
    }

    [Fact]
    public void R5_refuses_a_branch_of_an_organisation_not_recommended_for_the_batch()
    {
        var error = Refused(() => Decider.AddBranch(Add(OrgA, BranchDraft("br-1", CodeF)), EvaluationOrgCaller(OrgA), Seeded()));

        Assert.Equal(ErrorKind.Precondition, error.Kind);
        Assert.Equal("R5", error.Rule);
        Assert.Equal("organisation_id", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void R5_counts_a_recommendation_for_another_batch_as_none()
    {
        var state = Seeded()
            .With(OpenBatch2020 with { Id = "2021-1", Name = "2021年第一批" })
            .With(new Recommendation("2021-1", Ministry, [OrgA, OrgB]));
        Assert.Equal("R5", Refused(() => Decider.AddBranch(Add(OrgA, BranchDraft("br-1", CodeF)), NationalCentre, state)).Rule);
    }

    [Fact]
    public void R1_refuses_a_branch_that_belongs_to_a_government_body()
    {
        var draft = BranchDraft("br-1", CodeF, facts: new EligibilityFacts(false, true, false));
        var error = Refused(() => Decider.AddBranch(Add(OrgA, draft), EvaluationOrgCaller(OrgA), SeededWithRecommendation()));

        Assert.Equal("R1", error.Rule);
        Assert.Equal("branch.eligibility.belongs_to_government_body", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void R1_refuses_a_non_professional_association_branch_of_an_industry_organisation()
    {
        var draft = BranchDraft("br-1", CodeF, facts: new EligibilityFacts(false, false, true, true, false), occupations: Covers(Turner, 5));
        var error = Refused(() => Decider.AddBranch(Add(Industry, draft), IndustryCaller(), Seeded()));
        Assert.Equal("branch.eligibility.is_professional_association", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void A_recorded_exception_admits_the_ineligible_branch()
    {
        var exception = new ExceptionRecord(PartyKind.Branch, UnifiedSocialCreditCode.Parse(CodeF, "x"), "R1", "唯一具备条件的站点", "centre-user", DateTimeOffset.UnixEpoch);
        var draft = BranchDraft("br-1", CodeF, facts: new EligibilityFacts(false, true, false));
        var decision = Decider.AddBranch(Add(OrgA, draft), EvaluationOrgCaller(OrgA), SeededWithRecommendation().With(exception));

        Assert.Equal("唯一具备条件的站点", Assert.IsType<BranchAdded>(Assert.Single(decision.Events)).ExceptionReason);
    }

    [Fact]
    public void A_branch_evaluates_a_subset_of_its_organisations_occupations_and_levels()
    {
        var draft = BranchDraft("br-1", CodeF, occupations: [Covers(Electrician, 1, 2), Covers(ChineseCook, 5)]);
        var accepted = Decider.AddBranch(Add(OrgB, draft with { Occupations = [Covers(Miller, 2)] }), NationalCentre, SeededWithRecommendation());
        Assert.Equal([2], Assert.Single(accepted.State.Occupations).Levels);

        var narrowParent = Organisation("org-n", CodeD, Covers(Electrician, 4, 5));
        var state = SeededWithRecommendation().With(narrowParent).With(new Recommendation(Batch2020, "dept-2", ["org-n", OrgC]));
        var subset = Refused(() => Decider.AddBranch(Add("org-n", draft), NationalCentre, state));

        Assert.Equal(ErrorKind.Invalid, subset.Kind);
        Assert.Null(subset.Rule);
        Assert.Equal(["branch.occupations[0].levels", "branch.occupations[1].code"], subset.Violations.Select(v => v.Field));
    }

    [Fact]
    public void An_unknown_region_an_empty_address_and_a_bad_credit_code_are_plain_input_errors()
    {
        var draft = BranchDraft("br-1", "91110000600037341N", region: "110100") with { Address = "" };
        var error = Refused(() => Decider.AddBranch(Add(OrgA, draft), EvaluationOrgCaller(OrgA), SeededWithRecommendation()));

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Null(error.Rule);
        Assert.Equal(["branch.credit_code", "branch.region_code", "branch.address"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void A_branch_may_not_reuse_its_organisations_credit_code()
    {
        var error = Refused(() => Decider.AddBranch(Add(OrgA, BranchDraft("br-1", CodeA)), EvaluationOrgCaller(OrgA), SeededWithRecommendation()));
        Assert.Equal("branch.credit_code", Assert.Single(error.Violations).Field);
        Assert.Null(error.Rule);
    }

    [Fact]
    public void Branches_of_another_organisation_are_forbidden_and_an_unknown_organisation_not_found()
    {
        Assert.Equal(ErrorKind.Forbidden, Refused(() => Decider.AddBranch(Add(OrgA, BranchDraft("br-1", CodeF)), EvaluationOrgCaller(OrgB), SeededWithRecommendation())).Kind);
        Assert.Equal(ErrorKind.NotFound, Refused(() => Decider.AddBranch(Add("nope", BranchDraft("br-1", CodeF)), NationalCentre, SeededWithRecommendation())).Kind);
    }

    [Fact]
    public void A_second_branch_with_the_same_id_is_a_conflict()
    {
        var state = SeededWithRecommendation();
        var first = Decider.AddBranch(Add(OrgA, BranchDraft("br-1", CodeF)), NationalCentre, state).State;
        var error = Refused(() => Decider.AddBranch(Add(OrgA, BranchDraft("br-1", CodeG)), NationalCentre, state.With(first)));
        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
    }

    [Fact]
    public void A_change_moves_the_branch_and_tells_the_previous_region()
    {
        var state = SeededWithRecommendation();
        var branch = Decider.AddBranch(Add(OrgA, BranchDraft("br-1", CodeF, "110000")), NationalCentre, state).State;
        var change = new ChangeBranch("r2", BranchDraft("br-1", CodeF, "440000") with { Name = "新名称" });

        var decision = Decider.ChangeBranch(change, EvaluationOrgCaller(OrgA), state.With(branch));

        Assert.Equal("440000", decision.State.Region.Code);
        Assert.Equal("新名称", decision.State.Name);
        var changed = Assert.IsType<BranchChanged>(Assert.Single(decision.Events));
        Assert.Equal("pilot.registry.branch-changed.v1", Pilot.Registry.IntegrationEvents.RegistryEventMapper.ToOutgoing(changed).Type);
        Assert.Equal(("440000", "广东省", "110000"), (changed.RegionCode, changed.RegionName, changed.PreviousRegionCode));
    }

    [Fact]
    public void A_branch_of_a_closed_batch_no_longer_changes()
    {
        var state = SeededWithRecommendation();
        var branch = Decider.AddBranch(Add(OrgA, BranchDraft("br-1", CodeF, "110000")), NationalCentre, state).State;
        var closed = state.With(branch).With(OpenBatch2020 with { Status = BatchStatus.Closed });

        var error = Refused(() => Decider.ChangeBranch(new ChangeBranch("r2", BranchDraft("br-1", CodeF, "440000")), EvaluationOrgCaller(OrgA), closed));

        Assert.Equal(ErrorKind.Precondition, error.Kind);
        Assert.Equal("branch.id", Assert.Single(error.Violations).Field);
        Assert.Contains("closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_may_not_alter_the_credit_code_nor_break_R1()
    {
        var state = SeededWithRecommendation();
        var branch = Decider.AddBranch(Add(OrgA, BranchDraft("br-1", CodeF)), NationalCentre, state).State;
        state = state.With(branch);

        var newCode = Refused(() => Decider.ChangeBranch(new ChangeBranch("r", BranchDraft("br-1", CodeG)), NationalCentre, state));
        Assert.Equal("branch.credit_code", Assert.Single(newCode.Violations).Field);

        var ineligible = Refused(() => Decider.ChangeBranch(new ChangeBranch("r", BranchDraft("br-1", CodeF, facts: new EligibilityFacts(true, false, false))), NationalCentre, state));
        Assert.Equal("R1", ineligible.Rule);

        Assert.Equal(ErrorKind.NotFound, Refused(() => Decider.ChangeBranch(new ChangeBranch("r", BranchDraft("br-x", CodeG)), NationalCentre, state)).Kind);
        Assert.Equal(ErrorKind.Forbidden, Refused(() => Decider.ChangeBranch(new ChangeBranch("r", BranchDraft("br-1", CodeF)), EvaluationOrgCaller(OrgB), state)).Kind);
    }
}
