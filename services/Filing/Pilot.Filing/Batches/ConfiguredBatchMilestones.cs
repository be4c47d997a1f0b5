using System.Globalization;
using Pilot.Filing.Domain.Deadlines;

namespace Pilot.Filing.Batches;

/// <summary>
/// Batch dates from configuration (<c>Pilot:Batches:{id}:Plan|FilingGuidance|ImplementationAndPublicity</c>),
/// plus the 2020 batch of the notice. The Registry owns batches, but its GetBatch answers the national
/// centre only, so Filing cannot ask it on a sponsor's behalf; configuration keeps the dates explicit
/// until the Registry announces batches on registry-events.
/// </summary>
public sealed class ConfiguredBatchMilestones(IConfiguration configuration) : IBatchMilestonesSource
{
    public const string SectionName = "Pilot:Batches";

    public Task<BatchMilestones?> FindAsync(string batchId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(batchId))
        {
            return Task.FromResult<BatchMilestones?>(null);
        }

        var section = configuration.GetSection(SectionName).GetSection(batchId);
        if (section.Exists())
        {
            return Task.FromResult<BatchMilestones?>(new BatchMilestones(
                batchId,
                ReadDate(section, "Plan"),
                ReadDate(section, "FilingGuidance"),
                ReadDate(section, "ImplementationAndPublicity")));
        }

        return Task.FromResult(batchId == BatchMilestones.Batch2020.BatchId ? BatchMilestones.Batch2020 : null);
    }

    private static DateOnly ReadDate(IConfigurationSection batch, string key)
    {
        var text = batch[key];
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidOperationException($"{batch.Path}:{key} must be a yyyy-MM-dd date, not '{text}'");
    }
}
