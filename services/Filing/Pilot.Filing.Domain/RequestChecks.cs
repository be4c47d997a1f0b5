using Pilot.Filing.Domain.Deadlines;
using Pilot.SharedKernel;

namespace Pilot.Filing.Domain;

/// <summary>Checks every command shares.</summary>
internal static class RequestChecks
{
    public static void EnsureRequestId(string? requestId)
    {
        if (string.IsNullOrWhiteSpace(requestId))
        {
            throw DomainException.Invalid("request_id", "every command needs a request id so retries can be recognised");
        }
    }

    public static void EnsureBatch(string? batchId, BatchMilestones batch)
    {
        if (!string.Equals(batchId, batch.BatchId, StringComparison.Ordinal))
        {
            throw DomainException.Invalid("batch_id", $"'{batchId}' is not the batch whose dates were given ({batch.BatchId})");
        }
    }
}
