using Pilot.Registry.Domain.Model;

namespace Pilot.Registry.Domain.Commands;

/// <summary>
/// Registers an industry organisation, which is at once a sponsor and its own evaluation organisation.
/// Field paths as in <see cref="OrganisationDraft"/>, plus <c>kind</c> and <c>member_associations[i].name</c>.
/// </summary>
public sealed record RegisterIndustryOrganisation(
    string RequestId,
    OrganisationDraft Organisation,
    IndustryOrganisationKind Kind,
    IReadOnlyList<MemberAssociation> MemberAssociations);
