namespace Pilot.Filing.Domain.Filings;

/// <summary>Asks the Registry about a branch; the service fetches the facts before calling the decision.</summary>
public interface IBranchFactsSource
{
    /// <summary>The facts for the branch in the batch, or null when the Registry knows no such branch.</summary>
    Task<BranchFacts?> FindAsync(string batchId, string branchId, CancellationToken cancellationToken = default);
}
