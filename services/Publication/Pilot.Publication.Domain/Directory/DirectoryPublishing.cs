using Pilot.Publication.Domain.Publicity;
using Pilot.SharedKernel;

namespace Pilot.Publication.Domain.Directory;

/// <summary>
/// Forms a directory version (五.3) from the entries whose publicity ended with no upheld objection (R5): an
/// organisation is listed when its own entry passed, with those of its branches that passed. The directory is the one
/// authority on who is in the pilot.
/// </summary>
public static class DirectoryPublishing
{
    /// <summary>The organisations ready for the directory, in canonical order, from a batch's passed entries.</summary>
    public static IReadOnlyList<DirectoryOrganisation> Ready(IEnumerable<PublicityEntry> passed)
    {
        ArgumentNullException.ThrowIfNull(passed);
        var entries = passed.Where(entry => entry.Status == PublicityStatus.Passed).ToList();
        var branchesByOrganisation = entries
            .Where(entry => entry.Kind == EntryKind.Branch)
            .GroupBy(entry => entry.OrganisationId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);

        return entries
            .Where(entry => entry.Kind == EntryKind.Organisation)
            .OrderBy(entry => entry.OrganisationId, StringComparer.Ordinal)
            .Select(organisation => ToDirectory(organisation, branchesByOrganisation.GetValueOrDefault(organisation.OrganisationId) ?? []))
            .ToList();
    }

    /// <summary>The next version of a batch's directory.</summary>
    /// <param name="previous">The latest published version's content, or null before version 1.</param>
    /// <param name="previousSha256">Its export hash, which the new version names.</param>
    public static (DirectoryContent Content, DirectoryDiff Diff) Compose(
        Caller caller, string batchId, DirectoryContent? previous, string? previousSha256, IReadOnlyList<DirectoryOrganisation> ready, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(ready);
        if (!caller.IsNationalCentre)
        {
            throw DomainException.Forbidden("the national centre publishes the directory");
        }

        if (previous is null && ready.Count == 0)
        {
            throw DomainException.Precondition("batch_id", $"no organisation of batch {Shortened.To(batchId, 64)} has passed publicity yet; nothing to publish", "R5");
        }

        var diff = Diff(previous?.Organisations ?? [], ready);
        if (previous is not null && diff.IsEmpty && SameListings(previous.Organisations, ready))
        {
            throw DomainException.Precondition("batch_id", $"nothing changed since version {previous.Version} of batch {batchId}'s directory");
        }

        var content = new DirectoryContent(batchId, (previous?.Version ?? 0) + 1, now, previous is null ? null : previousSha256, ready);
        return (content, diff);
    }

    public static DirectoryDiff Diff(IReadOnlyList<DirectoryOrganisation> before, IReadOnlyList<DirectoryOrganisation> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var organisationsBefore = before.Select(organisation => organisation.OrganisationId).ToHashSet(StringComparer.Ordinal);
        var organisationsAfter = after.Select(organisation => organisation.OrganisationId).ToHashSet(StringComparer.Ordinal);
        var branchesBefore = before.SelectMany(organisation => organisation.Branches).Select(branch => branch.BranchId).ToHashSet(StringComparer.Ordinal);
        var branchesAfter = after.SelectMany(organisation => organisation.Branches).Select(branch => branch.BranchId).ToHashSet(StringComparer.Ordinal);
        return new DirectoryDiff(
            Sorted(organisationsAfter.Except(organisationsBefore)),
            Sorted(organisationsBefore.Except(organisationsAfter)),
            Sorted(branchesAfter.Except(branchesBefore)),
            Sorted(branchesBefore.Except(branchesAfter)));
    }

    private static bool SameListings(IReadOnlyList<DirectoryOrganisation> before, IReadOnlyList<DirectoryOrganisation> after) =>
        DirectoryCanonicalJson.Sha256Hex(DirectoryCanonicalJson.Write(new DirectoryContent("", 0, default, null, before)))
        == DirectoryCanonicalJson.Sha256Hex(DirectoryCanonicalJson.Write(new DirectoryContent("", 0, default, null, after)));

    private static List<string> Sorted(IEnumerable<string> ids) => ids.Order(StringComparer.Ordinal).ToList();

    private static DirectoryOrganisation ToDirectory(PublicityEntry organisation, IReadOnlyList<PublicityEntry> branches)
    {
        var listing = organisation.Listing;
        return new DirectoryOrganisation(
            organisation.OrganisationId,
            listing.OrganisationName ?? string.Empty,
            listing.CreditCode ?? string.Empty,
            listing.IsIndustryOrganisation,
            listing.SponsorId ?? string.Empty,
            listing.SponsorName ?? string.Empty,
            Ordered(listing.Occupations),
            branches
                .OrderBy(branch => branch.BranchId, StringComparer.Ordinal)
                .Select(branch => new DirectoryBranch(
                    branch.BranchId!,
                    branch.Listing.BranchName ?? string.Empty,
                    branch.Listing.CreditCode ?? string.Empty,
                    branch.RegionCode ?? string.Empty,
                    branch.RegionName ?? string.Empty,
                    branch.Listing.Address ?? string.Empty,
                    branch.FilingNumber ?? string.Empty,
                    Ordered(branch.Listing.Occupations)))
                .ToList());
    }

    private static List<ListedOccupation> Ordered(IReadOnlyList<ListedOccupation> occupations) =>
        occupations
            .OrderBy(occupation => occupation.Code, StringComparer.Ordinal)
            .ThenBy(occupation => occupation.SubType ?? string.Empty, StringComparer.Ordinal)
            .Select(occupation => occupation with { Levels = occupation.Levels.Order().ToList() })
            .ToList();
}
