using Pilot.Registry.Domain.Authorisation;
using Pilot.Registry.Domain.Commands;
using Pilot.Registry.Domain.Events;
using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.Rules;
using Pilot.Registry.Domain.State;
using Pilot.Registry.Domain.Validation;
using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Decisions;

public sealed partial class RegistryDecider
{
    private const string OrganisationField = "organisation";

    // The R1 facts travel beside the organisation in RegisterOrganisationRequest, not inside it.
    private const string OrganisationEligibilityField = "eligibility";

    /// <summary>Registers an evaluation organisation that a department may recommend; R1 applies.</summary>
    public Decision<EvaluationOrganisation> RegisterOrganisation(RegisterOrganisation command, Caller caller, IRegistryReadModel model)
    {
        var draft = command.Organisation;
        RegistryPermissions.Demand(RegistryPermissions.MayRegisterOrganisation(caller, draft.Id), caller, $"register organisation {draft.Id}");

        var input = new Violations();
        var basics = CheckOrganisationBasics(draft, model, input);
        var eligibility = EligibilityRule.Normalise(command.Eligibility, OrganisationEligibilityField, input);
        input.ThrowIfAny();
        var occupations = OccupationLists.CheckCoverage(draft.Occupations, "organisation.occupations", Catalogue);
        RequireUnusedSponsorId(draft.Id, "organisation.id", model);
        var exception = EligibilityRule.Enforce(eligibility, OrganisationEligibilityField, basics.CreditCode, PartyKind.Organisation, model);

        var organisation = new EvaluationOrganisation(draft.Id, basics.CreditCode, basics.Name, basics.LegalForm, eligibility, null, occupations, basics.Contacts, IsPublished: false);
        var registered = new OrganisationRegistered(
            organisation.Id, organisation.CreditCode.Value, organisation.Name, organisation.LegalForm, false, null,
            EventItems.Of(occupations, Catalogue), organisation.Contacts, exception?.Reason);
        return new(organisation, [registered]);
    }

    public Decision<EvaluationOrganisation> ReplaceContacts(ReplaceContacts command, Caller caller, IRegistryReadModel model)
    {
        var organisation = RequireOrganisation(command.OrganisationId, "organisation_id", model);
        RegistryPermissions.Demand(RegistryPermissions.MayManageContacts(caller, organisation), caller, $"change the contacts of {organisation.Id}");

        var input = new Violations();
        var contacts = Contacts.Check(command.Contacts, "contacts", input);
        input.ThrowIfAny();

        var changed = organisation with { Contacts = contacts };
        return new(changed, [new OrganisationContactsChanged(changed.Id, changed.Name, contacts)]);
    }

    /// <summary>
    /// Refused for everyone: who is in the pilot is decided by the directory, which the Publication service publishes
    /// from the entries whose publicity ended with no upheld objection (R5, 五.3). The method stays so that a caller
    /// that still uses it learns where publishing went.
    /// </summary>
    public Decision<EvaluationOrganisation> PublishOrganisation(PublishOrganisation command, Caller caller, IRegistryReadModel model)
    {
        RegistryPermissions.Demand(RegistryPermissions.MayPublishOrganisations(caller), caller, "publish organisations");
        RequireOrganisation(command.OrganisationId, "organisation_id", model);
        throw DomainException.Precondition(
            "organisation_id",
            "organisations are published in the directory by the Publication service (pilot.publication.v1.Publication/PublishDirectory), after their publicity",
            "R5");
    }

    private static EvaluationOrganisation RequireOrganisation(string organisationId, string field, IRegistryReadModel model) =>
        model.FindOrganisation(organisationId)
        ?? throw DomainException.NotFound(field, $"there is no organisation {organisationId}");

    private static OrganisationBasics CheckOrganisationBasics(OrganisationDraft draft, IRegistryReadModel model, Violations input)
    {
        Identifiers.Check(draft.Id, "organisation.id", input);
        var creditCode = CreditCodes.Check(draft.CreditCode, "organisation.credit_code", input, model);
        var name = Text.Required(draft.Name, "organisation.name", Text.NameMaxLength, input);
        var legalForm = Text.Required(draft.LegalForm, "organisation.legal_form", Text.NameMaxLength, input);
        var contacts = Contacts.Check(draft.Contacts, "organisation.contacts", input);
        return new OrganisationBasics(creditCode, name, legalForm, contacts);
    }

    private sealed record OrganisationBasics(UnifiedSocialCreditCode CreditCode, string Name, string LegalForm, IReadOnlyList<Contact> Contacts);
}
