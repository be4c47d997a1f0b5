using Pilot.Registry.Domain.Model;

namespace Pilot.Registry.Domain.Events;

/// <param name="IsIndustryOrganisation">Whether the parent is an industry organisation (it then needs no recommendation, R5).</param>
/// <param name="ExceptionReason">Set when an R1 exception admitted the branch.</param>
public sealed record BranchAdded(
    string BranchId,
    string OrganisationId,
    string OrganisationName,
    bool IsIndustryOrganisation,
    string BatchId,
    string Name,
    string CreditCode,
    string RegionCode,
    string RegionName,
    string Address,
    EligibilityFacts Eligibility,
    IReadOnlyList<OccupationItem> Occupations,
    string? ExceptionReason) : IRegistryEvent
{
    public string Subject => BranchId;
}
