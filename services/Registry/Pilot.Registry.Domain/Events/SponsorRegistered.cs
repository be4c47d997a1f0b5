using Pilot.Registry.Domain.Model;

namespace Pilot.Registry.Domain.Events;

/// <summary>A department or industry organisation joined as a sponsor; consumers such as Filing learn who owes a material package (R7).</summary>
/// <param name="IndustryKind">Set for an industry organisation.</param>
/// <param name="Occupations">A department's former occupations, or the occupations an industry organisation evaluates.</param>
public sealed record SponsorRegistered(
    string SponsorId,
    SponsorKind Kind,
    string Name,
    IndustryOrganisationKind? IndustryKind,
    IReadOnlyList<OccupationItem> Occupations,
    IReadOnlyList<string> MemberAssociations) : IRegistryEvent
{
    public string Subject => SponsorId;
}
