using Pilot.Notification.Domain.Reminders;

namespace Pilot.Notification.Reminders;

/// <summary>Filing's open items of a batch (its <c>ListDueItems</c>): what is still owed, by whom, by when.</summary>
public interface IDueItemsSource
{
    /// <param name="withinWorkingDays">Items due at most this many working days after <paramref name="today"/>; overdue ones too.</param>
    Task<IReadOnlyList<OpenItem>> ListOpenAsync(string batchId, int withinWorkingDays, DateOnly today, CancellationToken cancellationToken);
}
