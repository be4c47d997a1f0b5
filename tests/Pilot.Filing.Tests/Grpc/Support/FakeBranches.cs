using System.Collections.Concurrent;
using Pilot.Filing.Domain.Filings;

namespace Pilot.Filing.Tests.Grpc.Support;

/// <summary>Stands in for the Registry: the branch facts each test sets up for itself.</summary>
public sealed class FakeBranches : IBranchFactsSource
{
    private readonly ConcurrentDictionary<(string Batch, string Branch), BranchFacts> branches = new();

    public void Add(string batchId, BranchFacts facts) => branches[(batchId, facts.BranchId)] = facts;

    public Task<BranchFacts?> FindAsync(string batchId, string branchId, CancellationToken cancellationToken = default) =>
        Task.FromResult(branches.TryGetValue((batchId, branchId), out var facts) ? facts : null);
}
