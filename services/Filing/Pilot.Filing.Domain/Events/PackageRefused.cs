using Pilot.Filing.Domain.Materials;
using Pilot.SharedKernel;

namespace Pilot.Filing.Domain.Events;

/// <summary>A package lacked documents, sections or regulations (R7); nothing was stored.</summary>
/// <param name="Missing">One entry per missing item, the same list the submitter got back.</param>
public sealed record PackageRefused(
    DateTimeOffset OccurredAt,
    string PackageId,
    string BatchId,
    string SponsorOrgId,
    SubmitterKind SubmitterKind,
    IReadOnlyList<FieldViolation> Missing) : FilingEvent(OccurredAt);
