namespace Pilot.Filing.Domain.Filings;

/// <summary>An organisation files one of its branches with a provincial bureau.</summary>
/// <param name="RequestId">Client's idempotency key.</param>
/// <param name="BatchId">The batch.</param>
/// <param name="BranchId">The branch.</param>
/// <param name="TargetRegionCode">The region whose bureau is addressed; must be where the branch is registered (R6).</param>
/// <param name="Occupations">What the branch will certify.</param>
/// <param name="ExpectedVersion">0 for a first submission; the rejected filing's version for a resubmission.</param>
public sealed record SubmitFiling(
    string RequestId,
    string BatchId,
    string BranchId,
    string TargetRegionCode,
    IReadOnlyList<Occupation> Occupations,
    long ExpectedVersion);
