using Pilot.SharedKernel;

namespace Pilot.Filing.Domain.Deadlines;

/// <summary>
/// Which open items to remind about (R8: "the parties reminded beforehand"). Notification runs it daily
/// over what storage lists for a batch.
/// </summary>
public static class ReminderQuery
{
    /// <summary>
    /// Items not done whose milestone is at most <paramref name="withinWorkingDays"/> working days away,
    /// and, when <paramref name="includeOverdue"/>, those whose milestone has already passed; soonest first.
    /// </summary>
    public static IReadOnlyList<Reminder> ItemsDueSoon(
        IEnumerable<TrackedItem> items,
        BatchMilestones milestones,
        DateOnly today,
        int withinWorkingDays,
        WorkingDayCalendar calendar,
        bool includeOverdue = true)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(milestones);
        ArgumentNullException.ThrowIfNull(calendar);
        if (withinWorkingDays is < 0 or > 250)
        {
            throw DomainException.Invalid("within_working_days", "give a window of 0 to 250 working days (about a year)");
        }

        CommandDates.EnsureScheduleDate(today, "today", today);

        return items
            .Where(item => !item.Done)
            .Select(item =>
            {
                var due = milestones.DueDateOf(item.Kind);
                return new Reminder(item, due, today, calendar.WorkingDaysBetween(today, due));
            })
            .Where(reminder => reminder.IsOverdue ? includeOverdue : reminder.WorkingDaysLeft <= withinWorkingDays)
            .OrderBy(reminder => reminder.DueDate)
            .ThenBy(reminder => reminder.Item.ItemId, StringComparer.Ordinal)
            .ToList();
    }
}
