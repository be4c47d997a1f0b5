using System.Collections.Concurrent;
using Pilot.Notification.Domain.Reminders;
using Pilot.Notification.Reminders;

namespace Pilot.Notification.Tests.Support;

/// <summary>Filing's open items as a test sets them; records each question asked.</summary>
public sealed class FakeDueItems : IDueItemsSource
{
    private readonly ConcurrentDictionary<string, OpenItem> items = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string BatchId, DateOnly Today)> Asked { get; } = new();

    public void Open(OpenItem item) => items[item.ItemId] = item;

    public void Done(string itemId) => items.TryRemove(itemId, out _);

    public Task<IReadOnlyList<OpenItem>> ListOpenAsync(string batchId, int withinWorkingDays, DateOnly today, CancellationToken cancellationToken)
    {
        Asked.Enqueue((batchId, today));
        return Task.FromResult<IReadOnlyList<OpenItem>>([.. items.Values.Where(i => i.BatchId == batchId)]);
    }
}
