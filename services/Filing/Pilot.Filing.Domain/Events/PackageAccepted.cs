using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Materials;

namespace Pilot.Filing.Domain.Events;

/// <summary>
/// A complete package was received (the 函告 of step 2) and stored as a new version; <see cref="BranchIds"/> are the
/// branches it names, the ones that may now file locally.
/// </summary>
public sealed record PackageAccepted(
    DateTimeOffset OccurredAt,
    string PackageId,
    string BatchId,
    string SponsorOrgId,
    SubmitterKind SubmitterKind,
    int VersionNumber,
    string ReceiptNumber,
    DateTimeOffset ReceivedAt,
    Lateness Lateness,
    IReadOnlyList<string> BranchIds) : FilingEvent(OccurredAt);
