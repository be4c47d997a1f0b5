namespace Pilot.Filing.Domain.Events;

/// <summary>The bureau of the branch's region rejected its filing, saying why; the branch may file again.</summary>
public sealed record FilingRejected(
    DateTimeOffset OccurredAt,
    string FilingId,
    string BatchId,
    string BranchId,
    string OrganisationId,
    string RegionCode,
    string RegionName,
    string Reason) : FilingEvent(OccurredAt);
