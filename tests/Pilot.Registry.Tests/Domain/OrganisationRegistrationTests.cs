using Pilot.Registry.Domain.Commands;
using Pilot.Registry.Domain.Events;
using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.State;
using Pilot.SharedKernel;
using static Pilot.Registry.Tests.Domain.TestData;

namespace Pilot.Registry.Tests.Domain;

public sealed class OrganisationRegistrationTests
{
    private static readonly InMemoryRegistryReadModel Empty = new();

    [Fact]
    public void An_eligible_organisation_registers_and_is_announced()
    {
        var draft = Draft("org-new", CodeD.ToLowerInvariant(), Covers(Electrician, 5, 3, 3, 4));
        var decision = Decider.RegisterOrganisation(Register(draft), NationalCentre, Empty);

        var organisation = decision.State;
        Assert.Equal(CodeD, organisation.CreditCode.Value);
        Assert.Equal([3, 4, 5], Assert.Single(organisation.Occupations).Levels);
        Assert.False(organisation.IsIndustryOrganisation);
        Assert.False(organisation.IsPublished);
        var registered = Assert.IsType<OrganisationRegistered>(Assert.Single(decision.Events));
        Assert.Equal("pilot.registry.organisation-registered.v1", Pilot.Registry.IntegrationEvents.RegistryEventMapper.ToOutgoing(registered).Type);
        Assert.Equal(CodeD, registered.CreditCode);
        Assert.Null(registered.ExceptionReason);
    }

    [Fact]
    public void A_decoupled_professional_association_is_eligible()
    {
        var decision = Decider.RegisterOrganisation(Register(Draft("org-new", CodeD), DecoupledProfessionalAssociation), NationalCentre, Empty);
        Assert.True(decision.State.Eligibility!.IsAssociation);
    }

    [Theory]
    [InlineData(true, false, false, null, null, "eligibility.is_government_body")]
    [InlineData(false, true, false, null, null, "eligibility.belongs_to_government_body")]
    [InlineData(false, false, true, false, true, "eligibility.is_decoupled_from_supervisor")]
    [InlineData(false, false, true, true, false, "eligibility.is_professional_association")]
    public void R1_refuses_each_kind_of_ineligible_organisation(bool government, bool belongs, bool association, bool? decoupled, bool? professional, string field)
    {
        var facts = new EligibilityFacts(government, belongs, association, decoupled, professional);
        var error = Refused(() => Decider.RegisterOrganisation(Register(Draft("org-new", CodeD), facts), NationalCentre, Empty));

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Equal("R1", error.Rule);
        Assert.Equal(field, Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void R1_lists_every_reason_at_once()
    {
        var facts = new EligibilityFacts(true, true, true, false, false);
        var error = Refused(() => Decider.RegisterOrganisation(Register(Draft("org-new", CodeD), facts), NationalCentre, Empty));
        Assert.Equal(4, error.Violations.Count);
    }

    [Fact]
    public void A_recorded_exception_admits_an_ineligible_organisation_and_travels_with_the_event()
    {
        var exception = new ExceptionRecord(PartyKind.Organisation, UnifiedSocialCreditCode.Parse(CodeD, "x"), "R1", "原有鉴定机构，保留过渡", "centre-user", DateTimeOffset.UnixEpoch);
        var state = Empty.With(exception);
        var decision = Decider.RegisterOrganisation(Register(Draft("org-new", CodeD), new EligibilityFacts(false, true, false)), NationalCentre, state);

        var registered = Assert.IsType<OrganisationRegistered>(Assert.Single(decision.Events));
        Assert.Equal("原有鉴定机构，保留过渡", registered.ExceptionReason);
    }

    [Fact]
    public void An_exception_recorded_for_a_branch_does_not_admit_an_organisation()
    {
        var exception = new ExceptionRecord(PartyKind.Branch, UnifiedSocialCreditCode.Parse(CodeD, "x"), "R1", "reason", "centre-user", DateTimeOffset.UnixEpoch);
        var error = Refused(() => Decider.RegisterOrganisation(Register(Draft("org-new", CodeD), new EligibilityFacts(true, false, false)), NationalCentre, Empty.With(exception)));
        Assert.Equal("R1", error.Rule);
    }

    [Fact]
    public void An_association_must_answer_the_association_questions()
    {
        var error = Refused(() => Decider.RegisterOrganisation(Register(Draft("org-new", CodeD), new EligibilityFacts(false, false, true)), NationalCentre, Empty));

        Assert.Null(error.Rule);
        Assert.Equal(["eligibility.is_decoupled_from_supervisor", "eligibility.is_professional_association"], error.Violations.Select(v => v.Field));
    }

    [Theory]
    [InlineData(Welder)]
    [InlineData(SecurityGuard)]
    [InlineData(PartyLeader)]
    public void R2_refuses_occupations_outside_level_evaluation(string code)
    {
        var error = Refused(() => Decider.RegisterOrganisation(Register(Draft("org-new", CodeD, Covers(Electrician), Covers(code))), NationalCentre, Empty));

        Assert.Equal("R2", error.Rule);
        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Equal("organisation.occupations[1].code", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void A_bad_credit_code_an_empty_name_a_bad_level_and_bad_contacts_are_plain_input_errors()
    {
        var draft = new OrganisationDraft("org-new", "91110000600037341N", "  ", "社会团体", [Covers(Electrician)], [new("张三", "12345", "not-an-email")]);
        var error = Refused(() => Decider.RegisterOrganisation(Register(draft), NationalCentre, Empty));

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Null(error.Rule);
        Assert.Equal(
            ["organisation.credit_code", "organisation.name", "organisation.contacts[0].phone", "organisation.contacts[0].email"],
            error.Violations.Select(v => v.Field));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void A_level_outside_1_to_5_is_invalid(int level)
    {
        var error = Refused(() => Decider.RegisterOrganisation(Register(Draft("org-new", CodeD, Covers(Electrician, 3, level))), NationalCentre, Empty));

        Assert.Null(error.Rule);
        Assert.Equal("organisation.occupations[0].levels[1]", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void A_credit_code_already_registered_is_invalid_and_names_the_holder()
    {
        var error = Refused(() => Decider.RegisterOrganisation(Register(Draft("org-new", CodeA)), NationalCentre, Seeded()));

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Null(error.Rule);
        var violation = Assert.Single(error.Violations);
        Assert.Equal("organisation.credit_code", violation.Field);
        Assert.Contains(OrgA, violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_organisation_needs_at_least_one_contact_and_one_occupation()
    {
        var draft = new OrganisationDraft("org-new", CodeD, "n", "社会团体", [], []);
        var error = Refused(() => Decider.RegisterOrganisation(Register(draft), NationalCentre, Empty));
        Assert.Equal("organisation.contacts", Assert.Single(error.Violations).Field);

        var noOccupations = draft with { Contacts = SomeContacts };
        Assert.Equal("organisation.occupations", Assert.Single(Refused(() => Decider.RegisterOrganisation(Register(noOccupations), NationalCentre, Empty)).Violations).Field);
    }

    [Fact]
    public void An_existing_id_is_a_conflict()
    {
        Assert.Equal(ErrorKind.AlreadyExists, Refused(() => Decider.RegisterOrganisation(Register(Draft(OrgA, CodeD)), NationalCentre, Seeded())).Kind);
    }

    [Fact]
    public void Contacts_are_replaced_by_the_organisation_itself_and_announced()
    {
        IReadOnlyList<Contact> contacts = [new("李四", "13912345678", "li@example.org"), new("王五", "+86 010-84661130", "wang@example.org.cn")];
        var decision = Decider.ReplaceContacts(new ReplaceContacts("r", OrgA, contacts), EvaluationOrgCaller(OrgA), Seeded());

        Assert.Equal(2, decision.State.Contacts.Count);
        var changed = Assert.IsType<OrganisationContactsChanged>(Assert.Single(decision.Events));
        Assert.Equal("李四", changed.Contacts[0].Name);
    }

    [Fact]
    public void Replacing_contacts_of_an_unknown_organisation_is_not_found_and_of_another_is_forbidden()
    {
        IReadOnlyList<Contact> contacts = [new("李四", "13912345678", "li@example.org")];
        Assert.Equal(ErrorKind.NotFound, Refused(() => Decider.ReplaceContacts(new ReplaceContacts("r", "nope", contacts), NationalCentre, Seeded())).Kind);
        Assert.Equal(ErrorKind.Forbidden, Refused(() => Decider.ReplaceContacts(new ReplaceContacts("r", OrgB, contacts), EvaluationOrgCaller(OrgA), Seeded())).Kind);
    }

    [Fact]
    public void Publishing_an_organisation_is_redirected_to_the_directory()
    {
        var redirected = Refused(() => Decider.PublishOrganisation(new PublishOrganisation("r", OrgA), NationalCentre, Seeded()));
        Assert.Equal((ErrorKind.Precondition, "R5"), (redirected.Kind, redirected.Rule));
        Assert.Contains("PublishDirectory", redirected.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.Forbidden, Refused(() => Decider.PublishOrganisation(new PublishOrganisation("r", OrgA), EvaluationOrgCaller(OrgA), Seeded())).Kind);
    }
}
