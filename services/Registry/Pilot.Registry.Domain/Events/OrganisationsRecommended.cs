namespace Pilot.Registry.Domain.Events;

/// <param name="FormerOccupations">The department's former occupations, all covered by the two organisations (R3).</param>
public sealed record OrganisationsRecommended(
    string BatchId,
    string DepartmentId,
    string DepartmentName,
    IReadOnlyList<RecommendedOrganisation> Organisations,
    IReadOnlyList<OccupationItem> FormerOccupations) : IRegistryEvent
{
    public const string Type = "pilot.registry.organisations-recommended.v1";

    public string EventType => Type;

    public string Subject => DepartmentId;
}
