using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Model;

/// <summary>A branch (分支机构) of one evaluation organisation, filed where it is registered (R6).</summary>
/// <param name="BatchId">The batch it was added for (R5 was checked against this batch).</param>
/// <param name="Occupations">A subset of its organisation's occupations and levels.</param>
public sealed record Branch(
    string Id,
    string OrganisationId,
    string BatchId,
    string Name,
    UnifiedSocialCreditCode CreditCode,
    ProvinceRegion Region,
    string Address,
    EligibilityFacts Eligibility,
    IReadOnlyList<OccupationCoverage> Occupations);
