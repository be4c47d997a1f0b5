namespace Pilot.Publication.Domain.Publicity;

/// <summary>One entry of the online publicity (三.5): a branch whose filing was accepted, or its organisation.</summary>
/// <param name="FilingId">The accepted filing (branch entries), or the filing that opened the organisation's entry.</param>
/// <param name="RegionCode">The branch's region, whose bureau may resolve its objections; null for an organisation.</param>
/// <param name="FilingNumber">The bureau's filing number (备案编号), branch entries only.</param>
/// <param name="AcceptedAt">When the acceptance that opened this round of publicity was committed.</param>
/// <param name="UnresolvedObjections">Objections raised and not yet upheld or dismissed; part of the record, so a raise
/// and a close that race each other conflict on it.</param>
/// <param name="Round">1 for the first publicity; a withdrawn entry publicised again after a new acceptance counts on.</param>
public sealed record PublicityEntry(
    string EntryId,
    EntryKind Kind,
    string BatchId,
    string OrganisationId,
    string? BranchId,
    string FilingId,
    string? RegionCode,
    string? RegionName,
    string? FilingNumber,
    PublicListing Listing,
    DateTimeOffset AcceptedAt,
    PublicityPeriod Period,
    PublicityStatus Status = PublicityStatus.Open,
    DateTimeOffset? ConcludedAt = null,
    int UnresolvedObjections = 0,
    int Round = 1)
{
    public bool HasEnded => Status is PublicityStatus.Passed or PublicityStatus.Withdrawn;

    /// <summary>True while the public may object: open, and before the window's closing instant.</summary>
    public bool AcceptsObjectionsAt(DateTimeOffset now) => Status == PublicityStatus.Open && now < Period.ClosesAt;

    public static PublicityEntry ForBranch(AcceptedFiling accepted, PublicListing listing, PublicityPeriod period)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        return new PublicityEntry(
            EntryIds.ForBranch(accepted.BatchId, accepted.BranchId), EntryKind.Branch, accepted.BatchId, accepted.OrganisationId, accepted.BranchId,
            accepted.FilingId, accepted.RegionCode, accepted.RegionName, accepted.FilingNumber, listing, accepted.AcceptedAt, period);
    }

    public static PublicityEntry ForOrganisation(AcceptedFiling accepted, PublicListing listing, PublicityPeriod period)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        return new PublicityEntry(
            EntryIds.ForOrganisation(accepted.BatchId, accepted.OrganisationId), EntryKind.Organisation, accepted.BatchId, accepted.OrganisationId, null,
            accepted.FilingId, null, null, null, listing, accepted.AcceptedAt, period);
    }
}
