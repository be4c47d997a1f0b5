using System.Globalization;
using Microsoft.Extensions.Options;
using Pilot.Commands;
using Pilot.EventBus;
using Pilot.Notification.Application;
using Pilot.Notification.Domain.Reminders;
using Pilot.Notification.Domain.Routing;
using Pilot.Notification.Storage;
using Pilot.Scheduling;
using Pilot.SharedKernel;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.Notification.Reminders;

/// <summary>What a sweep read: the last day covered, which must still be so when the sweep commits.</summary>
internal sealed class SweepReads(RedisValue sweptThrough, FanoutReads messages) : ICommandReads
{
    public DateOnly? SweptThrough { get; } = sweptThrough.IsNullOrEmpty ? null : DateOnly.ParseExact(sweptThrough.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public FanoutReads Messages => messages;

    public void AddConditions(IStateWrites commit)
    {
        if (sweptThrough.IsNull)
        {
            commit.Absent(NotificationKeys.RemindersSweptThrough);
        }
        else
        {
            commit.StringEquals(NotificationKeys.RemindersSweptThrough, sweptThrough);
        }

        messages.AddConditions(commit);
    }
}

/// <summary>
/// Each day at <c>SendAt</c> (Beijing), for every open batch, asks Filing which items are still open and tells each
/// responsible party the reminders and overdue notices the rules call for that day (R8). Every day since the last
/// sweep is covered, so days missed while the service was down are caught up; a notice's event id is derived from the
/// item, its due date and the offset, so it is sent once even if a day is swept twice. The scheduler's claim makes
/// one replica sweep; the next sweep is scheduled in the same commit.
/// </summary>
internal sealed class SweepRemindersOnTime(
    IConnectionMultiplexer redis,
    IDueItemsSource dueItems,
    NotificationFanout fanout,
    IJobScheduler scheduler,
    IEventOutbox outbox,
    WorkingDayCalendar calendar,
    IOptions<NotificationOptions> options,
    NotificationMetrics metrics) : IScheduledJobHandler<SweepReminders>
{
    public async Task HandleAsync(ScheduledJobContext<SweepReminders> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.Value.Reminders;
        var rules = new ReminderRules(calendar, settings.Offsets);
        var db = redis.GetDatabase();
        var sweptThrough = await db.StringGetAsync(NotificationKeys.RemindersSweptThrough).ConfigureAwait(false);
        var lastCovered = sweptThrough.IsNullOrEmpty ? (DateOnly?)null : DateOnly.ParseExact(sweptThrough.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var days = DaysToCover(lastCovered, context.Now, settings);

        var notices = new List<(ReminderNotice Notice, DateTimeOffset PlannedAt)>();
        if (settings.Enabled && days.Count > 0)
        {
            var batches = await db.HashGetAllAsync(NotificationKeys.OpenBatches).ConfigureAwait(false);
            foreach (var batch in batches.Select(b => NotificationJson.Read<BatchMilestones>(b.Value.ToString())).OrderBy(b => b.BatchId, StringComparer.Ordinal))
            {
                foreach (var day in days)
                {
                    var open = await dueItems.ListOpenAsync(batch.BatchId, rules.Horizon, day, cancellationToken).ConfigureAwait(false);
                    notices.AddRange(open.Select(item => rules.NoticeFor(item, day)).OfType<ReminderNotice>().Select(n => (n, PlannedAt(day, settings.SendAt))));
                }
            }
        }

        var events = notices.Select(n => EventFor(n.Notice, n.PlannedAt)).ToList();
        var (routed, messages) = await fanout.LoadAsync(events).ConfigureAwait(false);
        var next = NextRun(context.Now, settings.SendAt);
        await Reactions.RunAsync(
            context,
            outbox,
            () => Task.FromResult(new SweepReads(sweptThrough, messages)),
            reads =>
            {
                var told = fanout.Decide(routed, reads.Messages, context.Now);
                return Reaction.Apply(writes =>
                {
                    told.Writes?.Invoke(writes);
                    if (days.Count > 0)
                    {
                        writes.StringSet(NotificationKeys.RemindersSweptThrough, days[^1].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    }

                    scheduler.Schedule(writes, SweepReminders.Key, next, new SweepReminders());
                    writes.OnCommitted(() =>
                    {
                        foreach (var (_, plannedAt) in notices)
                        {
                            metrics.ReminderSent(context.Now - plannedAt);
                        }
                    });
                });
            }).ConfigureAwait(false);
    }

    /// <summary>The days after the last one covered whose sending time has come, at most <c>MaxCatchUpDays</c> back.</summary>
    internal static IReadOnlyList<DateOnly> DaysToCover(DateOnly? lastCovered, DateTimeOffset now, ReminderOptions settings)
    {
        var today = WorkingDayCalendar.ChinaDate(now);
        var lastDue = PlannedAt(today, settings.SendAt) <= now ? today : today.AddDays(-1);
        var earliest = today.AddDays(-settings.MaxCatchUpDays);
        var first = lastCovered is { } covered ? covered.AddDays(1) : lastDue;
        if (first < earliest)
        {
            first = earliest;
        }

        var days = new List<DateOnly>();
        for (var day = first; day <= lastDue; day = day.AddDays(1))
        {
            days.Add(day);
        }

        return days;
    }

    /// <summary>The instant the sweep for <paramref name="day"/> is due: <paramref name="sendAt"/> Beijing time.</summary>
    internal static DateTimeOffset PlannedAt(DateOnly day, TimeOnly sendAt) => new(day.ToDateTime(sendAt), TimeSpan.FromHours(8));

    internal static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly sendAt)
    {
        var today = WorkingDayCalendar.ChinaDate(now);
        var todayAt = PlannedAt(today, sendAt);
        return todayAt > now ? todayAt : PlannedAt(today.AddDays(1), sendAt);
    }

    internal static NotificationEvent EventFor(ReminderNotice notice, DateTimeOffset plannedAt)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["batchId"] = notice.BatchId,
            ["itemId"] = notice.ItemId,
            ["itemText"] = ItemText(notice.ItemKind),
            ["responsibleOrgId"] = notice.ResponsibleOrgId,
            ["dueDate"] = notice.DueDate.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
            ["workingDaysLeft"] = notice.WorkingDaysLeft.ToString(CultureInfo.InvariantCulture),
        };
        return new NotificationEvent(
            "reminder:" + notice.Key, notice.Overdue ? EventTypes.Overdue : EventTypes.Reminder, plannedAt, notice.ItemId, facts,
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal));
    }

    private static string ItemText(string kind) => kind switch
    {
        "MaterialPackage" => "材料包提交",
        "LocalFiling" => "分支机构属地备案",
        "ImplementationPlan" => "工作实施方案提交",
        _ => "待办事项",
    };
}
