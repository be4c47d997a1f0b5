using Pilot.Registry.Domain.Model;

namespace Pilot.Registry.Domain.Commands;

/// <summary>
/// What a request says about an organisation, unchecked. Field paths: <c>organisation.id</c>,
/// <c>organisation.credit_code</c>, <c>organisation.name</c>, <c>organisation.legal_form</c>,
/// <c>organisation.occupations[i].code|sub_type|levels</c>, <c>organisation.contacts[i].name|phone|email</c>.
/// </summary>
public sealed record OrganisationDraft(
    string Id,
    string CreditCode,
    string Name,
    string LegalForm,
    IReadOnlyList<OccupationCoverage> Occupations,
    IReadOnlyList<Contact> Contacts);
