using System.Collections.Concurrent;
using System.Globalization;
using Grpc.Core;
using Pilot.Filing.Batches;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Protos.Registry;

namespace Pilot.Filing.Registry;

/// <summary>
/// A batch's milestones (R8) as the Registry, which owns batches, holds them; batches are public there, so the
/// caller's own token is enough. Batches named under <c>Pilot:Batches</c> in configuration are answered from
/// there instead (a Filing run without a Registry: tests, benchmarks). Answers are kept for a short while:
/// a batch's dates change rarely and every submission needs them.
/// </summary>
internal sealed class RegistryBatchMilestones(
    Protos.Registry.Registry.RegistryClient registry, CallerToken token, ConfiguredBatchMilestones configured, RegistryBatchMilestones.Answers answers, TimeProvider clock)
    : IBatchMilestonesSource
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);

    /// <summary>What the Registry said about each batch, and until when that is taken as still true; one per service.</summary>
    internal sealed class Answers
    {
        public ConcurrentDictionary<string, (BatchMilestones Milestones, DateTimeOffset Until)> ByBatch { get; } = new(StringComparer.Ordinal);
    }

    public async Task<BatchMilestones?> FindAsync(string batchId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(batchId))
        {
            return null;
        }

        if (configured.Names(batchId))
        {
            return await configured.FindAsync(batchId, cancellationToken);
        }

        var now = clock.GetUtcNow();
        if (answers.ByBatch.TryGetValue(batchId, out var known) && known.Until > now)
        {
            return known.Milestones;
        }

        // Only batches that exist are kept: one the centre opens right after a miss must be found at once.
        var milestones = await AskAsync(batchId, cancellationToken);
        if (milestones is not null)
        {
            answers.ByBatch[batchId] = (milestones, now + KeepFor);
        }

        return milestones;
    }

    private async Task<BatchMilestones?> AskAsync(string batchId, CancellationToken cancellationToken)
    {
        Batch batch;
        try
        {
            batch = await registry.GetBatchAsync(new GetBatchRequest { BatchId = batchId }, token.Headers(), cancellationToken: cancellationToken);
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
        catch (RpcException error) when (error.StatusCode is StatusCode.Unavailable or StatusCode.Unimplemented or StatusCode.DeadlineExceeded)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"the Registry cannot be asked about batch {batchId} right now; retry later ({error.Status.Detail})"));
        }

        var dates = batch.Milestones ?? new Milestones();
        return new BatchMilestones(
            batch.Id,
            Date(dates.PlanStandardsAndFirstList, batchId, "plan_standards_and_first_list"),
            Date(dates.LocalFilingGuidance, batchId, "local_filing_guidance"),
            Date(dates.ImplementationPublicityAndDirectory, batchId, "implementation_publicity_and_directory"));
    }

    /// <summary>The Registry validates its dates; one it cannot read is its fault, so the caller sees Unavailable, not a refusal.</summary>
    private static DateOnly Date(string text, string batchId, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new RpcException(new Status(StatusCode.Unavailable, $"the Registry's batch {batchId} has no readable {field} ('{text}')"));
}
