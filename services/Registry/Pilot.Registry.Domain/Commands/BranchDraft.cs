using Pilot.Registry.Domain.Model;

namespace Pilot.Registry.Domain.Commands;

/// <summary>
/// What a request says about a branch, unchecked. Field paths: <c>branch.id</c>, <c>branch.name</c>,
/// <c>branch.credit_code</c>, <c>branch.region_code</c>, <c>branch.address</c>,
/// <c>branch.eligibility.is_government_body</c> (and the other R1 facts), <c>branch.occupations[i].*</c>.
/// </summary>
public sealed record BranchDraft(
    string Id,
    string Name,
    string CreditCode,
    string RegionCode,
    string Address,
    EligibilityFacts Eligibility,
    IReadOnlyList<OccupationCoverage> Occupations);
