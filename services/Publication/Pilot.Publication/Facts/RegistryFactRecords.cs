using Pilot.Publication.Domain.Publicity;

namespace Pilot.Publication.Facts;

// Publication's own copies of the Registry's facts (Pilot.FactCopies), kept from registry-events, so that opening an
// entry or answering the public never waits on the Registry.

/// <summary>Copy kind <c>organisation</c>.</summary>
public sealed record OrganisationFact(string OrganisationId, string Name, string CreditCode, bool IsIndustryOrganisation, IReadOnlyList<ListedOccupation> Occupations);

/// <summary>Copy kind <c>branch</c>.</summary>
public sealed record BranchFact(
    string BranchId,
    string OrganisationId,
    string BatchId,
    string Name,
    string CreditCode,
    string RegionCode,
    string RegionName,
    string Address,
    IReadOnlyList<ListedOccupation> Occupations);

/// <summary>Copy kind <c>recommendation</c>, one per department and batch (id <c>&lt;batch&gt;~&lt;department&gt;</c>): who sponsors whom (R3).</summary>
public sealed record RecommendationFact(string BatchId, string DepartmentId, string DepartmentName, IReadOnlyList<string> OrganisationIds)
{
    public static string IdOf(string batchId, string departmentId) => $"{batchId}~{departmentId}";
}
