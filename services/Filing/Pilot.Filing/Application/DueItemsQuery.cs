using Pilot.Filing.Batches;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Grpc;
using Pilot.Filing.Storage;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;

namespace Pilot.Filing.Application;

/// <summary>What Notification reminds about (R8): open items whose milestone is near or past.</summary>
internal sealed class DueItemsQuery(IBatchMilestonesSource batches, FilingStore store, RefusalAudit audit, TimeProvider clock)
{
    public async Task<ListDueItemsResponse> ListAsync(ListDueItemsRequest request, Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsNationalCentre && !caller.Is(Roles.Platform))
        {
            throw await audit.RecordAsync(caller, RefusalAudit.ListDueItems, $"due:{request.BatchId}",
                DomainException.Forbidden("due items are listed for the national centre and the platform's reminders"));
        }

        var actualToday = WorkingDayCalendar.ChinaDate(clock.GetUtcNow());
        var today = ProtoDates.ParseOptional(request.Today, "today") ?? actualToday;
        CommandDates.EnsureScheduleDate(today, "today", actualToday);
        var batch = await batches.RequireAsync(request.BatchId, cancellationToken);
        var items = await store.TrackedItemsAsync(batch.BatchId);
        var reminders = ReminderQuery.ItemsDueSoon(
            items, batch, today, request.WithinWorkingDays, WorkingDayCalendar.MainlandChina, request.IncludeOverdue);

        var response = new ListDueItemsResponse { BatchId = batch.BatchId, Today = ProtoDates.ToIso(today) };
        response.Items.AddRange(reminders.Select(DueItemMappers.ToProto));
        return response;
    }
}
