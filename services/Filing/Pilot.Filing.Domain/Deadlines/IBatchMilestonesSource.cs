namespace Pilot.Filing.Domain.Deadlines;

/// <summary>Where the service finds a batch's dates (the national centre opens batches).</summary>
public interface IBatchMilestonesSource
{
    /// <summary>The batch's milestones, or null when no such batch exists.</summary>
    Task<BatchMilestones?> FindAsync(string batchId, CancellationToken cancellationToken = default);
}
