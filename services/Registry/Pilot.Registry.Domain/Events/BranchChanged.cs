using Pilot.Registry.Domain.Model;

namespace Pilot.Registry.Domain.Events;

/// <summary>The branch as it is now.</summary>
/// <param name="PreviousRegionCode">The region before the change, so the bureau that lost the branch (R6) can be told.</param>
public sealed record BranchChanged(
    string BranchId,
    string OrganisationId,
    string OrganisationName,
    bool IsIndustryOrganisation,
    string BatchId,
    string Name,
    string CreditCode,
    string RegionCode,
    string RegionName,
    string PreviousRegionCode,
    string Address,
    EligibilityFacts Eligibility,
    IReadOnlyList<OccupationItem> Occupations,
    string? ExceptionReason) : IRegistryEvent
{
    public string Subject => BranchId;
}
