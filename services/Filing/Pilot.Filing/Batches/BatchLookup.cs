using Pilot.Filing.Domain.Deadlines;
using Pilot.SharedKernel;

namespace Pilot.Filing.Batches;

internal static class BatchLookup
{
    public static async Task<BatchMilestones> RequireAsync(this IBatchMilestonesSource batches, string? batchId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(batchId))
        {
            throw DomainException.Invalid("batch_id", "name the batch, e.g. 2020");
        }

        return await batches.FindAsync(batchId, cancellationToken)
            ?? throw DomainException.NotFound("batch_id", $"there is no batch '{batchId}'");
    }
}
