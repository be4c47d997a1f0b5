namespace Pilot.Registry.Domain.Events;

public sealed record RecommendedOrganisation(string OrganisationId, string Name, string CreditCode, IReadOnlyList<OccupationItem> Occupations);
