using Pilot.Filing.Batches;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Storage;
using Pilot.SharedKernel;

namespace Pilot.Filing.Application;

/// <summary>What Notification reminds about (R8): open items whose milestone is near or past.</summary>
internal sealed class DueItemReads(IBatchMilestonesSource batches, FilingStore store, RefusalAudit audit, TimeProvider clock)
{
    public async Task<DueItems> ListAsync(DueItemsQuery query, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!caller.IsNationalCentre && !caller.Is(Roles.Platform))
        {
            throw await audit.RecordAsync(caller, RefusalAudit.ListDueItems, $"due:{query.BatchId}",
                DomainException.Forbidden("due items are listed for the national centre and the platform's reminders"));
        }

        var actualToday = WorkingDayCalendar.ChinaDate(clock.GetUtcNow());
        var today = query.Today ?? actualToday;
        CommandDates.EnsureScheduleDate(today, "today", actualToday);
        var batch = await batches.RequireAsync(query.BatchId, cancellationToken);
        var items = await store.TrackedItemsAsync(batch.BatchId);
        var reminders = ReminderQuery.ItemsDueSoon(
            items, batch, today, query.WithinWorkingDays, WorkingDayCalendar.MainlandChina, query.IncludeOverdue);
        return new DueItems(batch.BatchId, today, reminders);
    }
}
