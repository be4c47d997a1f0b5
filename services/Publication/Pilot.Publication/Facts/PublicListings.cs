using Pilot.FactCopies;
using Pilot.Publication.Domain.Publicity;

namespace Pilot.Publication.Facts;

/// <summary>What an accepted filing's entries show the public, from Publication's copies of the Registry's facts.</summary>
internal sealed class PublicListings(IFactCopy<OrganisationFact> organisations, IFactCopy<BranchFact> branches, IFactCopy<RecommendationFact> recommendations)
{
    // A batch has a few dozen recommending departments at most; one page of ids covers them.
    private const int RecommendationsPerBatch = 500;

    /// <returns>The branch's listing and the organisation's; a fact not copied yet leaves its fields empty.</returns>
    public async Task<(PublicListing Branch, PublicListing Organisation)> ForAsync(AcceptedFiling accepted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        var organisationRead = organisations.FindAsync(accepted.OrganisationId, cancellationToken);
        var branchRead = branches.FindAsync(accepted.BranchId, cancellationToken);
        var organisation = await organisationRead;
        var branch = await branchRead;
        var (sponsorId, sponsorName) = await SponsorOfAsync(accepted.BatchId, accepted.OrganisationId, organisation, cancellationToken);

        var organisationListing = new PublicListing(
            organisation?.Name, null, organisation?.CreditCode, null, sponsorId, sponsorName, organisation?.Occupations ?? [], organisation?.IsIndustryOrganisation ?? false);
        var branchListing = new PublicListing(
            organisation?.Name, branch?.Name, branch?.CreditCode, branch?.Address, sponsorId, sponsorName, FiledOccupations(accepted, branch),
            organisation?.IsIndustryOrganisation ?? false);
        return (branchListing, organisationListing);
    }

    private async Task<(string? Id, string? Name)> SponsorOfAsync(string batchId, string organisationId, OrganisationFact? organisation, CancellationToken cancellationToken)
    {
        // An industry organisation is its own sponsor (三.1); the others are recommended by a department.
        if (organisation?.IsIndustryOrganisation == true)
        {
            return (organisation.OrganisationId, organisation.Name);
        }

        var prefix = RecommendationFact.IdOf(batchId, string.Empty);
        var ids = await recommendations.ListIdsAsync(after: prefix, count: RecommendationsPerBatch, cancellationToken);
        var ofBatch = ids.Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var found = await recommendations.FindManyAsync(ofBatch, cancellationToken);
        var recommendation = found.Values
            .Where(fact => fact.BatchId == batchId && fact.OrganisationIds.Contains(organisationId, StringComparer.Ordinal))
            .OrderBy(fact => fact.DepartmentId, StringComparer.Ordinal)
            .FirstOrDefault();
        return recommendation is null ? (null, null) : (recommendation.DepartmentId, recommendation.DepartmentName);
    }

    // The filing decides which occupations were filed; the Registry's copy adds their names and levels.
    private static List<ListedOccupation> FiledOccupations(AcceptedFiling accepted, BranchFact? branch) =>
        accepted.Occupations
            .Select(filed => branch?.Occupations.FirstOrDefault(known => known.Code == filed.Code && (known.SubType ?? string.Empty) == (filed.SubType ?? string.Empty))
                ?? new ListedOccupation(filed.Code, null, filed.SubType, []))
            .ToList();
}
