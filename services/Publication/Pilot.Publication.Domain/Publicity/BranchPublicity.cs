namespace Pilot.Publication.Domain.Publicity;

/// <summary>What the online publicity of one filed branch shows, and when it runs.</summary>
/// <param name="FilingId">The accepted filing (batch/branch).</param>
/// <param name="FilingNumber">The bureau's filing number (备案编号).</param>
/// <param name="AcceptedAt">When the bureau's acceptance was committed.</param>
/// <param name="ConcludedAt">When the publicity ended (passed or withdrawn); null while it runs or waits.</param>
public sealed record BranchPublicity(
    string FilingId,
    string BatchId,
    string BranchId,
    string OrganisationId,
    string RegionCode,
    string RegionName,
    string FilingNumber,
    DateOnly FiledOn,
    IReadOnlyList<AcceptedOccupation> Occupations,
    DateTimeOffset AcceptedAt,
    PublicityPeriod Period,
    PublicityStatus Status = PublicityStatus.Open,
    DateTimeOffset? ConcludedAt = null)
{
    /// <summary>The publicity an accepted filing starts (R5: only an accepted filing is publicised).</summary>
    public static BranchPublicity For(AcceptedFiling accepted, PublicityPeriod period)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(period);
        return new BranchPublicity(
            accepted.FilingId, accepted.BatchId, accepted.BranchId, accepted.OrganisationId, accepted.RegionCode, accepted.RegionName,
            accepted.FilingNumber, accepted.FiledOn, accepted.Occupations, accepted.AcceptedAt, period);
    }
}
