namespace Pilot.Publication.Domain.Publicity;

/// <summary>A branch's local filing as its bureau accepted it (R6): what starts its online publicity (三.5, R5).</summary>
/// <param name="FilingNumber">The bureau's filing number (备案编号).</param>
/// <param name="AcceptedAt">When the bureau's acceptance was committed.</param>
public sealed record AcceptedFiling(
    string FilingId,
    string BatchId,
    string BranchId,
    string OrganisationId,
    string RegionCode,
    string RegionName,
    string FilingNumber,
    DateOnly FiledOn,
    IReadOnlyList<AcceptedOccupation> Occupations,
    DateTimeOffset AcceptedAt);

/// <summary>An occupation of the accepted filing: its 职业分类大典 code and sub-type (工种), if any.</summary>
public sealed record AcceptedOccupation(string Code, string? SubType = null);
