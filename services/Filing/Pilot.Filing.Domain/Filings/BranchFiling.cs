using Pilot.Filing.Domain.Deadlines;
using Pilot.SharedKernel;

namespace Pilot.Filing.Domain.Filings;

/// <summary>A branch's local filing (属地备案, 三.4) with the bureau of the region where it is registered.</summary>
/// <param name="FilingId">See <see cref="IdFor"/>.</param>
/// <param name="BatchId">The batch.</param>
/// <param name="BranchId">The branch.</param>
/// <param name="OrganisationId">Its organisation, which files on its behalf.</param>
/// <param name="Region">The region whose bureau decides.</param>
/// <param name="Occupations">What the branch will certify.</param>
/// <param name="Status">Where the filing stands.</param>
/// <param name="Version">Concurrency token, 1 on first submission, raised by every change.</param>
/// <param name="Attempt">1 for the first submission, raised by each resubmission after a rejection.</param>
/// <param name="SubmittedAt">When the current attempt was submitted.</param>
/// <param name="SubmittedBy">Subject who submitted the current attempt.</param>
/// <param name="Lateness">The current attempt against the filing guidance milestone.</param>
/// <param name="Decision">The decision on the current attempt, once made.</param>
/// <param name="PastDecisions">Decisions on earlier attempts (rejections), oldest first.</param>
public sealed record BranchFiling(
    string FilingId,
    string BatchId,
    string BranchId,
    string OrganisationId,
    ProvinceRegion Region,
    IReadOnlyList<Occupation> Occupations,
    FilingStatus Status,
    long Version,
    int Attempt,
    DateTimeOffset SubmittedAt,
    string SubmittedBy,
    Lateness Lateness,
    FilingDecision? Decision,
    IReadOnlyList<FilingDecision> PastDecisions)
{
    /// <summary>One filing per branch and batch; a resubmission continues the same filing.</summary>
    public static string IdFor(string batchId, string branchId) => $"{batchId}/{branchId}";
}
