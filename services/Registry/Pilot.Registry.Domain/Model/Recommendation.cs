namespace Pilot.Registry.Domain.Model;

/// <summary>A department's recommendation of its two evaluation organisations for one batch (R3).</summary>
public sealed record Recommendation(string BatchId, string DepartmentId, IReadOnlyList<string> OrganisationIds);
