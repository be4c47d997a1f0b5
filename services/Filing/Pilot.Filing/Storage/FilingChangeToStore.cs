using Pilot.Filing.Domain.Filings;

namespace Pilot.Filing.Storage;

/// <summary>One change of a filing with what storage needs beside the new state.</summary>
/// <param name="Filing">The filing after the change.</param>
/// <param name="ExpectedVersion">The version read before deciding; 0 for a new filing.</param>
/// <param name="Record">The filing as clients read it (serialized <c>FilingRecord</c>), and what decisions read back (it holds every field of the domain's filing).</param>
/// <param name="Kind">What happened, as WatchFilings reports it.</param>
/// <param name="FirstSubmittedAt">When the filing first arrived; orders the lists.</param>
/// <param name="PreviousRegionCode">The region before a resubmission, to move the filing between region lists.</param>
/// <param name="PreviousStatus">The status before the change, to take the filing off that status list; null for a new filing.</param>
/// <param name="ReservedNumber">A filing number to reserve in the filing's region.</param>
internal sealed record FilingChangeToStore(
    BranchFiling Filing,
    long ExpectedVersion,
    byte[] Record,
    FilingStatus Kind,
    DateTimeOffset FirstSubmittedAt,
    string? PreviousRegionCode = null,
    FilingStatus? PreviousStatus = null,
    string? ReservedNumber = null);
