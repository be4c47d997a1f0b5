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
/// <param name="BranchIds">
/// The branches it names; null for a version handed in before packages carried their branch list, which is taken
/// to name every branch of its sponsor, as it was judged then.
/// </param>
public sealed record PackageVersion(
    int Number,
    IReadOnlyList<PackageDocument> Documents,
    PackageReceipt Receipt,
    Lateness Lateness,
    DateOnly? LetterDate,
    string SubmittedBy,
    string RequestId,
    IReadOnlyList<string>? BranchIds = null)
{
    /// <summary>Whether this version's branch list names the branch (R5).</summary>
    public bool Names(string branchId) => BranchIds is null || BranchIds.Contains(branchId, StringComparer.Ordinal);
}
