using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Model;

/// <summary>
/// A social training and evaluation organisation (社会培训评价组织). An industry organisation is the
/// same record with an <see cref="Industry"/> profile, because the notice makes it its own evaluation
/// organisation (三.1): one party, one record, usable wherever an evaluation organisation is expected.
/// </summary>
/// <param name="Eligibility">R1 facts of an organisation that departments recommend; null for an industry organisation, which the notice admits by its kind (R4), not by R1.</param>
/// <param name="Industry">Set when this is an industry organisation acting for itself.</param>
/// <param name="IsPublished">True once the national centre has published it in the directory; only then may the public read it.</param>
public sealed record EvaluationOrganisation(
    string Id,
    UnifiedSocialCreditCode CreditCode,
    string Name,
    string LegalForm,
    EligibilityFacts? Eligibility,
    IndustryProfile? Industry,
    IReadOnlyList<OccupationCoverage> Occupations,
    IReadOnlyList<Contact> Contacts,
    bool IsPublished)
{
    public bool IsIndustryOrganisation => Industry is not null;
}
