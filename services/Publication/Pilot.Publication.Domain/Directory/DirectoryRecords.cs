using Pilot.Publication.Domain.Publicity;

namespace Pilot.Publication.Domain.Directory;

/// <summary>A branch as the directory lists it: what was publicised, as it passed.</summary>
public sealed record DirectoryBranch(
    string BranchId,
    string Name,
    string CreditCode,
    string RegionCode,
    string RegionName,
    string Address,
    string FilingNumber,
    IReadOnlyList<ListedOccupation> Occupations);

/// <summary>An organisation of the directory (试点社会培训评价组织目录) with its branches that passed publicity.</summary>
public sealed record DirectoryOrganisation(
    string OrganisationId,
    string Name,
    string CreditCode,
    bool IsIndustryOrganisation,
    string SponsorId,
    string SponsorName,
    IReadOnlyList<ListedOccupation> Occupations,
    IReadOnlyList<DirectoryBranch> Branches);

/// <summary>What a version added and removed against the one before it.</summary>
public sealed record DirectoryDiff(
    IReadOnlyList<string> AddedOrganisationIds,
    IReadOnlyList<string> RemovedOrganisationIds,
    IReadOnlyList<string> AddedBranchIds,
    IReadOnlyList<string> RemovedBranchIds)
{
    public bool IsEmpty => AddedOrganisationIds.Count + RemovedOrganisationIds.Count + AddedBranchIds.Count + RemovedBranchIds.Count == 0;
}

/// <summary>
/// The content of one directory version, exactly what its canonical export holds: the version names the hash of the
/// version before it, so the export's hash covers the whole history up to it.
/// </summary>
/// <param name="Organisations">Ordered by organisation id, each one's branches by branch id.</param>
public sealed record DirectoryContent(
    string BatchId,
    int Version,
    DateTimeOffset PublishedAt,
    string? PreviousSha256,
    IReadOnlyList<DirectoryOrganisation> Organisations)
{
    public int BranchCount => Organisations.Sum(organisation => organisation.Branches.Count);
}

/// <summary>A published version as listed: its numbers, its hashes and its diff, without the entries.</summary>
public sealed record DirectoryVersion(
    string BatchId,
    int Version,
    DateTimeOffset PublishedAt,
    string PublishedBy,
    string ExportSha256,
    string? PreviousSha256,
    int OrganisationCount,
    int BranchCount,
    DirectoryDiff Diff);
