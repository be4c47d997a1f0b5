namespace Pilot.Registry.Domain.Events;

/// <param name="FormerOccupations">The department's former occupations, all covered by the two organisations (R3).</param>
public sealed record OrganisationsRecommended(
    string BatchId,
    string DepartmentId,
    string DepartmentName,
    IReadOnlyList<RecommendedOrganisation> Organisations,
    IReadOnlyList<OccupationItem> FormerOccupations) : IRegistryEvent
{
    public string Subject => DepartmentId;
}
