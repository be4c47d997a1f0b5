namespace Pilot.Publication.Domain.Publicity;

/// <summary>
/// What an entry shows the public about its party, taken from Publication's copy of the Registry's facts when the
/// entry opened. Never a contact or a clerk: the notice publicises organisations, not people.
/// </summary>
/// <param name="BranchName">Null for an organisation's entry.</param>
/// <param name="CreditCode">The branch's code on a branch entry, the organisation's on its own.</param>
/// <param name="SponsorId">The recommending department, or the industry organisation itself (R5).</param>
public sealed record PublicListing(
    string? OrganisationName,
    string? BranchName,
    string? CreditCode,
    string? Address,
    string? SponsorId,
    string? SponsorName,
    IReadOnlyList<ListedOccupation> Occupations,
    bool IsIndustryOrganisation = false)
{
    public static PublicListing Unknown { get; } = new(null, null, null, null, null, null, []);
}
