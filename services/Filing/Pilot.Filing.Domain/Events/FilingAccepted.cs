using Pilot.Filing.Domain.Filings;

namespace Pilot.Filing.Domain.Events;

/// <summary>
/// The bureau of the branch's region accepted its filing; Publication starts the online publicity
/// (三.5) from this event, so it carries everything the publicity shows.
/// </summary>
public sealed record FilingAccepted(
    DateTimeOffset OccurredAt,
    string FilingId,
    string BatchId,
    string FilingNumber,
    DateOnly FiledOn,
    string BranchId,
    string OrganisationId,
    string RegionCode,
    string RegionName,
    IReadOnlyList<Occupation> Occupations) : FilingEvent(OccurredAt);
