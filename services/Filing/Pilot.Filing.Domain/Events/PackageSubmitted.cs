using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Materials;

namespace Pilot.Filing.Domain.Events;

/// <summary>A sponsor handed in a package that passed the format checks; it is followed by accepted or refused.</summary>
public sealed record PackageSubmitted(
    DateTimeOffset OccurredAt,
    string PackageId,
    string BatchId,
    string SponsorOrgId,
    SubmitterKind SubmitterKind,
    IReadOnlyList<string> DocumentIds,
    Lateness Lateness) : FilingEvent(OccurredAt);
