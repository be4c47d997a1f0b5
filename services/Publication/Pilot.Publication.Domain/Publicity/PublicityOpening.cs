namespace Pilot.Publication.Domain.Publicity;

/// <summary>
/// Whether an accepted filing opens publicity, for its branch and, the first time one of its branches is accepted in
/// the batch, for its organisation (三.5). The natural key is the entry: an entry in publicity or passed opens nothing
/// again, whatever CloudEvents id the acceptance comes back under, so nothing is announced twice. A withdrawn entry
/// (an upheld objection) is publicised again only after a newer acceptance (R5).
/// </summary>
public static class PublicityOpening
{
    /// <returns>The entry to open, or null when the existing one stands.</returns>
    public static PublicityEntry? OpenBranch(PublicityEntry? existing, AcceptedFiling accepted, PublicListing listing, PublicityPeriod period)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        return Reopens(existing, accepted) ? Next(existing, PublicityEntry.ForBranch(accepted, listing, period)) : null;
    }

    /// <returns>The organisation's entry to open, or null when it has one that stands.</returns>
    public static PublicityEntry? OpenOrganisation(PublicityEntry? existing, AcceptedFiling accepted, PublicListing listing, PublicityPeriod period)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        return Reopens(existing, accepted) ? Next(existing, PublicityEntry.ForOrganisation(accepted, listing, period)) : null;
    }

    private static bool Reopens(PublicityEntry? existing, AcceptedFiling accepted) =>
        existing is null || (existing.Status == PublicityStatus.Withdrawn && accepted.AcceptedAt > existing.AcceptedAt);

    private static PublicityEntry Next(PublicityEntry? withdrawn, PublicityEntry opened) =>
        withdrawn is null ? opened : opened with { Round = withdrawn.Round + 1 };
}
