namespace Pilot.Registry.Domain.Model;

/// <summary>What makes an evaluation organisation an industry organisation acting for itself (三.1, R4).</summary>
public sealed record IndustryProfile(IndustryOrganisationKind Kind, IReadOnlyList<MemberAssociation> MemberAssociations);
