namespace Pilot.Samples.InfoPlatform.Events;

// The platform's own copy of the contracts on publication-events: only the fields it reads. The JSON reader ignores
// any other field, so Publication may add fields without breaking this subscriber; a breaking change comes as a new
// type (.v2) beside the old one.

/// <summary>The event types this subscriber handles, and the topic they come on.</summary>
public static class PublicationEventTypes
{
    public const string PubsubName = "pubsub";
    public const string Topic = "publication-events";
    public const string DeadLetterTopic = "publication-events-deadletter";

    public const string PublicityScheduled = "pilot.publication.publicity-scheduled.v1";
    public const string ObjectionRaised = "pilot.publication.objection-raised.v1";
    public const string ObjectionResolved = "pilot.publication.objection-resolved.v1";
    public const string PublicityConcluded = "pilot.publication.publicity-concluded.v1";
    public const string DirectoryPublished = "pilot.publication.directory-published.v1";
}

/// <summary>An occupation of the classification (职业分类大典) with its sub-type (工种) and, in the directory, its levels.</summary>
public sealed record Occupation(string Code, string? SubType, IReadOnlyList<int>? Levels = null, string? Name = null);

/// <summary>An organisation or a branch goes into online publicity (三.5) from OpensOn to ClosesOn.</summary>
public sealed record PublicityScheduled(
    string? EntryId,
    string? Kind,
    string? FilingId,
    string BatchId,
    string? BranchId,
    string OrganisationId,
    string? OrganisationName,
    string? BranchName,
    string? CreditCode,
    string? RegionCode,
    string? RegionName,
    string? Address,
    string? FilingNumber,
    string? SponsorId,
    string? SponsorName,
    IReadOnlyList<Occupation>? Occupations,
    DateOnly OpensOn,
    DateOnly ClosesOn)
{
    /// <summary>Events published before entries had ids of their own name the filing instead.</summary>
    public string? Entry => EntryId ?? FilingId;
}

/// <summary>Someone objected to an entry during its window. Never carries the objector's personal data.</summary>
public sealed record ObjectionRaised(
    string ObjectionId,
    string? EntryId,
    string? FilingId,
    string? BatchId,
    string? BranchId,
    string? OrganisationId,
    string? RegionCode,
    string? RegionName,
    DateTimeOffset? RaisedAt,
    DateOnly? ClosesOn)
{
    public string? Entry => EntryId ?? FilingId;
}

/// <summary>The national centre or the provincial bureau decided an objection: upheld or dismissed.</summary>
public sealed record ObjectionResolved(
    string ObjectionId,
    string? EntryId,
    string? FilingId,
    string? BatchId,
    string? BranchId,
    string? OrganisationId,
    string? RegionCode,
    string Outcome,
    string? Reason,
    DateTimeOffset? ResolvedAt)
{
    public string? Entry => EntryId ?? FilingId;
}

/// <summary>An entry's publicity ended: passed (ready for the directory) or withdrawn (an objection was upheld).</summary>
public sealed record PublicityConcluded(
    string? EntryId,
    string? Kind,
    string? FilingId,
    string? BatchId,
    string? BranchId,
    string? OrganisationId,
    string? RegionCode,
    string? RegionName,
    string? FilingNumber,
    string Outcome,
    DateOnly? OpensOn,
    DateOnly? ClosesOn,
    DateTimeOffset? ConcludedAt)
{
    public string? Entry => EntryId ?? FilingId;
}

/// <summary>A numbered, immutable version of a batch's directory (试点社会培训评价组织目录), with its hashes.</summary>
public sealed record DirectoryPublished(
    string BatchId,
    int Version,
    string ExportSha256,
    string? PreviousSha256,
    DateTimeOffset? PublishedAt,
    int? OrganisationCount,
    int? BranchCount,
    IReadOnlyList<DirectoryOrganisation>? Organisations,
    DirectoryChange? Added,
    DirectoryChange? Removed);

public sealed record DirectoryOrganisation(
    string OrganisationId,
    string? Name,
    string? CreditCode,
    bool? IsIndustryOrganisation,
    string? SponsorId,
    string? SponsorName,
    IReadOnlyList<Occupation>? Occupations,
    IReadOnlyList<DirectoryBranch>? Branches);

public sealed record DirectoryBranch(
    string BranchId,
    string? Name,
    string? CreditCode,
    string? RegionCode,
    string? RegionName,
    string? Address,
    string? FilingNumber,
    IReadOnlyList<Occupation>? Occupations);

public sealed record DirectoryChange(IReadOnlyList<string>? OrganisationIds, IReadOnlyList<string>? BranchIds);
