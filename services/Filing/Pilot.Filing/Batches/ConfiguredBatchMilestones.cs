using System.Globalization;
using Pilot.Filing.Domain.Deadlines;

namespace Pilot.Filing.Batches;

/// <summary>
/// Batch dates from configuration (<c>Pilot:Batches:{id}:Plan|FilingGuidance|ImplementationAndPublicity</c>), for
/// a Filing that runs without a Registry (tests, benchmarks); otherwise the Registry, which owns batches, answers.
/// </summary>
public sealed class ConfiguredBatchMilestones(IConfiguration configuration) : IBatchMilestonesSource
{
    public const string SectionName = "Pilot:Batches";

    public bool Names(string batchId) => !string.IsNullOrWhiteSpace(batchId) && configuration.GetSection(SectionName).GetSection(batchId).Exists();

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

        return Task.FromResult<BatchMilestones?>(null);
    }

    private static DateOnly ReadDate(IConfigurationSection batch, string key)
    {
        var text = batch[key];
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidOperationException($"{batch.Path}:{key} must be a yyyy-MM-dd date, not '{text}'");
    }
}
