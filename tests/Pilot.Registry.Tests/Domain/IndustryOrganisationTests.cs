using Pilot.Registry.Domain.Commands;
using Pilot.Registry.Domain.Events;
using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.State;
using Pilot.SharedKernel;
using static Pilot.Registry.Tests.Domain.TestData;

namespace Pilot.Registry.Tests.Domain;

public sealed class IndustryOrganisationTests
{
    private static RegisterIndustryOrganisation Command(IndustryOrganisationKind kind, params string[] members) =>
        new("r", Draft("ind-new", CodeE, Covers(Turner)), kind, [.. members.Select(m => new MemberAssociation(m))]);

    [Fact]
    public void A_comprehensive_industry_organisation_with_member_associations_is_one_record_announced_twice()
    {
        var decision = Decider.RegisterIndustryOrganisation(Command(IndustryOrganisationKind.Comprehensive, " 中国机床工具工业协会 "), IndustryCaller("ind-new"), new InMemoryRegistryReadModel());

        var organisation = decision.State;
        Assert.True(organisation.IsIndustryOrganisation);
        Assert.Null(organisation.Eligibility);
        Assert.Equal("中国机床工具工业协会", Assert.Single(organisation.Industry!.MemberAssociations).Name);
        Assert.Collection(
            decision.Events,
            e => Assert.Equal(SponsorKind.IndustryOrganisation, Assert.IsType<SponsorRegistered>(e).Kind),
            e => Assert.True(Assert.IsType<OrganisationRegistered>(e).IsIndustryOrganisation));
    }

    [Fact]
    public void R4_requires_member_associations_of_a_comprehensive_one()
    {
        var error = Refused(() => Decider.RegisterIndustryOrganisation(Command(IndustryOrganisationKind.Comprehensive), NationalCentre, new InMemoryRegistryReadModel()));

        Assert.Equal("R4", error.Rule);
        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Equal("member_associations", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void A_professional_one_acts_by_itself()
    {
        var decision = Decider.RegisterIndustryOrganisation(Command(IndustryOrganisationKind.Professional), NationalCentre, new InMemoryRegistryReadModel());
        Assert.Equal(IndustryOrganisationKind.Professional, decision.State.Industry!.Kind);
    }

    [Fact]
    public void R4_refuses_member_associations_for_a_professional_one()
    {
        var error = Refused(() => Decider.RegisterIndustryOrganisation(Command(IndustryOrganisationKind.Professional, "某协会"), NationalCentre, new InMemoryRegistryReadModel()));
        Assert.Equal("R4", error.Rule);
    }

    [Fact]
    public void Blank_or_repeated_member_association_names_are_plain_input_errors()
    {
        var error = Refused(() => Decider.RegisterIndustryOrganisation(Command(IndustryOrganisationKind.Comprehensive, "甲协会", " ", "甲协会"), NationalCentre, new InMemoryRegistryReadModel()));

        Assert.Null(error.Rule);
        Assert.Equal(["member_associations[1].name", "member_associations[2].name"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void An_industry_organisation_registers_itself_only()
    {
        Assert.Equal(ErrorKind.Forbidden, Refused(() => Decider.RegisterIndustryOrganisation(Command(IndustryOrganisationKind.Professional), IndustryCaller("ind-other"), new InMemoryRegistryReadModel())).Kind);
        Assert.Equal(ErrorKind.Forbidden, Refused(() => Decider.RegisterIndustryOrganisation(Command(IndustryOrganisationKind.Professional), EvaluationOrgCaller("ind-new"), new InMemoryRegistryReadModel())).Kind);
    }

    [Fact]
    public void R2_applies_to_an_industry_organisation_too()
    {
        var command = Command(IndustryOrganisationKind.Professional) with { Organisation = Draft("ind-new", CodeE, Covers(SecurityGuard)) };
        Assert.Equal("R2", Refused(() => Decider.RegisterIndustryOrganisation(command, NationalCentre, new InMemoryRegistryReadModel())).Rule);
    }
}
