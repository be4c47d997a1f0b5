using Pilot.Filing.Domain.Deadlines;

namespace Pilot.Filing.Domain.Packages;

/// <summary>One accepted, complete hand-in of a package. Versions are never overwritten.</summary>
/// <param name="Number">1 for the first, then 2, 3, …</param>
/// <param name="Documents">The documents as handed in.</param>
/// <param name="Receipt">The 函告 receipt.</param>
/// <param name="Lateness">How it stood against the plan milestone.</param>
/// <param name="LetterDate">Date on the covering letter, when the sponsor gave one.</param>
/// <param name="SubmittedBy">Subject of the caller who handed it in.</param>
/// <param name="RequestId">The request that created it.</param>
public sealed record PackageVersion(
    int Number,
    IReadOnlyList<PackageDocument> Documents,
    PackageReceipt Receipt,
    Lateness Lateness,
    DateOnly? LetterDate,
    string SubmittedBy,
    string RequestId);
