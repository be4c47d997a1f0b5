using Pilot.Samples.InfoPlatform.Events;

namespace Pilot.Samples.InfoPlatform.Copy;

/// <summary>
/// The platform's copy of one publicity entry (an organisation or a branch), merged from every event about it.
/// Each event fills in its own part, so the copy is the same whatever order they arrive in.
/// </summary>
public sealed record PublicityCopy
{
    public required string EntryId { get; init; }
    public string? Kind { get; init; }
    public string? FilingId { get; init; }
    public string? BatchId { get; init; }
    public string? BranchId { get; init; }
    public string? OrganisationId { get; init; }
    public string? OrganisationName { get; init; }
    public string? BranchName { get; init; }
    public string? CreditCode { get; init; }
    public string? RegionCode { get; init; }
    public string? RegionName { get; init; }
    public string? Address { get; init; }
    public string? FilingNumber { get; init; }
    public string? SponsorId { get; init; }
    public string? SponsorName { get; init; }
    public IReadOnlyList<Occupation> Occupations { get; init; } = [];
    public DateOnly? OpensOn { get; init; }
    public DateOnly? ClosesOn { get; init; }

    /// <summary>Whether publicity-scheduled arrived (an objection may be copied before it, then the names are unknown).</summary>
    public bool Announced { get; init; }

    public IReadOnlyList<ObjectionCopy> Objections { get; init; } = [];

    /// <summary><c>passed</c> or <c>withdrawn</c> once publicity-concluded arrived; null while under way.</summary>
    public string? Outcome { get; init; }

    public DateTimeOffset? ConcludedAt { get; init; }

    public bool UnderWay => Outcome is null;

    public string Name => (Kind == "branch" ? BranchName : OrganisationName) ?? OrganisationName ?? BranchName ?? EntryId;
}

/// <summary>An objection's public facts: when it was raised and how it was decided (never who raised it).</summary>
public sealed record ObjectionCopy(string ObjectionId, DateTimeOffset? RaisedAt, string? Outcome, string? Reason, DateTimeOffset? ResolvedAt);

/// <summary>One directory version as received, with what the platform checked about it.</summary>
public sealed record DirectoryVersionCopy(
    string BatchId,
    int Version,
    string ExportSha256,
    string? PreviousSha256,
    DateTimeOffset? PublishedAt,
    int OrganisationCount,
    int BranchCount,
    IReadOnlyList<DirectoryOrganisation> Organisations,
    DirectoryChange Added,
    DirectoryChange Removed,
    string EventId,
    DateTimeOffset ReceivedAt);

/// <summary>A directory event that was refused (the route answered DROP), kept for the page.</summary>
public sealed record DroppedEvent(string EventId, string? Type, string Reason, DateTimeOffset At);

/// <summary>
/// What the hashes held say about a batch's history: versions missing below the latest, and links where version n's
/// previousSha256 is not version n−1's exportSha256.
/// </summary>
public sealed record ChainReport(int LatestVersion, IReadOnlyList<int> MissingVersions, IReadOnlyList<ChainBreak> Breaks)
{
    public bool Intact => MissingVersions.Count == 0 && Breaks.Count == 0;
}

public sealed record ChainBreak(int Version, string? PreviousSha256, string? HeldSha256OfPrevious);

/// <summary>The result of fetching a version's export from Publication and hashing it.</summary>
public sealed record ExportCheck(string Status, string? ActualSha256, string? Detail, DateTimeOffset CheckedAt)
{
    public const string Matches = "matches";
    public const string Differs = "differs";
    public const string Unavailable = "unavailable";
}
