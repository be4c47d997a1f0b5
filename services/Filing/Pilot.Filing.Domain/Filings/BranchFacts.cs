namespace Pilot.Filing.Domain.Filings;

/// <summary>What the Registry knows about a branch, as far as filing (R5, R6) depends on it.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="OrganisationId">The evaluation or industry organisation the branch belongs to.</param>
/// <param name="RegisteredRegionCode">Province-level region where the branch is registered (its 注册地).</param>
/// <param name="OrganisationRecommendedForBatch">A department recommended the organisation for this batch (三.1).</param>
/// <param name="OrganisationIsIndustryOrganisation">The organisation is an industry organisation, so needs no recommendation.</param>
/// <param name="PilotWorkPlan">Whether the pilot work plan naming this branch was received (三.2).</param>
public sealed record BranchFacts(
    string BranchId,
    string OrganisationId,
    string RegisteredRegionCode,
    bool OrganisationRecommendedForBatch,
    bool OrganisationIsIndustryOrganisation,
    PilotWorkPlan PilotWorkPlan);
