using Pilot.Filing.Domain.Filings;

namespace Pilot.Bench.Filing;

/// <summary>
/// Stands in for the Registry: every branch exists, belongs to one recommended organisation, and is
/// registered in Beijing. In production this is one GetBranch call to the Registry per SubmitFiling;
/// leaving it out makes the bench measure Filing alone.
/// </summary>
internal sealed class BenchBranches : IBranchFactsSource
{
    public const string Organisation = "org-bench";
    public const string Region = "110000";

    public Task<BranchFacts?> FindAsync(string batchId, string branchId, CancellationToken cancellationToken = default) =>
        Task.FromResult<BranchFacts?>(new BranchFacts(branchId, Organisation, Region, true, false, PilotWorkPlan.NamesBranch));
}
