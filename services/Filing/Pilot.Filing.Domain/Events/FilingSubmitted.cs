using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Filings;

namespace Pilot.Filing.Domain.Events;

/// <summary>A branch's filing reached its provincial bureau; <see cref="Attempt"/> is above 1 after a rejection.</summary>
public sealed record FilingSubmitted(
    DateTimeOffset OccurredAt,
    string FilingId,
    string BatchId,
    string BranchId,
    string OrganisationId,
    string RegionCode,
    string RegionName,
    IReadOnlyList<Occupation> Occupations,
    int Attempt,
    Lateness Lateness) : FilingEvent(OccurredAt);
