namespace Pilot.Registry.Domain.Commands;

/// <summary>
/// A department's recommendation for a batch (R3). Field paths: <c>batch_id</c>, <c>department_id</c>,
/// <c>organisation_ids</c>, <c>organisation_ids[i]</c>.
/// </summary>
public sealed record RecommendOrganisations(string RequestId, string BatchId, string DepartmentId, IReadOnlyList<string> OrganisationIds);
