using Grpc.Core;
using System.Collections.Concurrent;
using Pilot.Filing.Domain.Filings;

namespace Pilot.Filing.Tests.Grpc.Support;

/// <summary>Stands in for the Registry: the branch facts each test sets up for itself.</summary>
public sealed class FakeBranches : IBranchFactsSource
{
    private readonly ConcurrentDictionary<(string Batch, string Branch), BranchFacts> branches = new();
    private readonly ConcurrentDictionary<string, bool> unreachable = new();

    public void Add(string batchId, BranchFacts facts) => branches[(batchId, facts.BranchId)] = facts;

    /// <summary>From now on, asking about <paramref name="branchId"/> fails as when the Registry cannot be reached.</summary>
    public void MakeUnreachable(string branchId) => unreachable[branchId] = true;

    public Task<BranchFacts?> FindAsync(string batchId, string branchId, CancellationToken cancellationToken = default) =>
        unreachable.ContainsKey(branchId)
            ? throw new RpcException(new Status(StatusCode.Unavailable, $"the Registry cannot be asked about branch {branchId} right now"))
            : Task.FromResult(branches.TryGetValue((batchId, branchId), out var facts) ? facts : null);
}
