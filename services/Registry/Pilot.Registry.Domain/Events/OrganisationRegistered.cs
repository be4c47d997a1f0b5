using Pilot.Registry.Domain.Model;

namespace Pilot.Registry.Domain.Events;

/// <param name="ExceptionReason">Set when R1 would have refused the organisation and the national centre's recorded exception admitted it.</param>
public sealed record OrganisationRegistered(
    string OrganisationId,
    string CreditCode,
    string Name,
    string LegalForm,
    bool IsIndustryOrganisation,
    IndustryOrganisationKind? IndustryKind,
    IReadOnlyList<OccupationItem> Occupations,
    IReadOnlyList<Contact> Contacts,
    string? ExceptionReason) : IRegistryEvent
{
    public string Subject => OrganisationId;
}
