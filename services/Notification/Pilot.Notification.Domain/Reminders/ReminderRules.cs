using Pilot.SharedKernel;

namespace Pilot.Notification.Domain.Reminders;

/// <summary>What a party is told about an open item on one day (R8): "due in n working days", or "overdue".</summary>
public sealed record ReminderNotice(string ItemId, string ItemKind, string ResponsibleOrgId, string BatchId, DateOnly DueDate, bool Overdue, int WorkingDaysLeft, DateOnly SentFor)
{
    /// <summary>One notice per item, due date, and offset (or "overdue"): the seed of its event id, so it is sent once.</summary>
    public string Key => $"{BatchId}:{ItemKind}:{ItemId}:{DueDate:yyyy-MM-dd}:{(Overdue ? "overdue" : WorkingDaysLeft.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
}

/// <summary>An item Filing still lists as open, with the day it is due.</summary>
public sealed record OpenItem(string ItemId, string ItemKind, string ResponsibleOrgId, string BatchId, DateOnly DueDate);

/// <summary>
/// The reminder rules (R8): on the working day that lies <c>n</c> working days before an item's due date, for each
/// configured <c>n</c> (7 and 1 by default), the responsible party is reminded; on the first working day after the
/// due date, it is told the item is overdue. Days are mainland working days, official holidays and make-up days
/// included (<see cref="WorkingDayCalendar"/>). Nothing is sent on a day that is not a working day.
/// </summary>
public sealed class ReminderRules(WorkingDayCalendar calendar, IReadOnlyList<int> workingDaysBefore)
{
    public static readonly IReadOnlyList<int> DefaultOffsets = [7, 1];

    public IReadOnlyList<int> WorkingDaysBefore { get; } = workingDaysBefore.Count == 0 || workingDaysBefore.Any(d => d < 1)
        ? throw new ArgumentException("reminder offsets are working days before the due date, each at least 1", nameof(workingDaysBefore))
        : [.. workingDaysBefore.Distinct().OrderDescending()];

    /// <summary>The most working days ahead a reminder looks: what to ask Filing for.</summary>
    public int Horizon => WorkingDaysBefore[0];

    /// <summary>The notice <paramref name="item"/> calls for on <paramref name="today"/>, or null.</summary>
    public ReminderNotice? NoticeFor(OpenItem item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!calendar.IsWorkingDay(today))
        {
            return null;
        }

        if (today <= item.DueDate)
        {
            var left = calendar.WorkingDaysBetween(today, item.DueDate);
            return WorkingDaysBefore.Contains(left) && calendar.AddWorkingDays(item.DueDate, -left) == today
                ? new ReminderNotice(item.ItemId, item.ItemKind, item.ResponsibleOrgId, item.BatchId, item.DueDate, Overdue: false, left, today)
                : null;
        }

        return calendar.AddWorkingDays(item.DueDate, 1) == today
            ? new ReminderNotice(item.ItemId, item.ItemKind, item.ResponsibleOrgId, item.BatchId, item.DueDate, Overdue: true, -calendar.WorkingDaysBetween(item.DueDate, today), today)
            : null;
    }

    /// <summary>The days a reminder may go out for <paramref name="dueDate"/>: each offset before it, and the day after.</summary>
    public IReadOnlyList<DateOnly> NoticeDays(DateOnly dueDate) =>
        [.. WorkingDaysBefore.Select(n => calendar.AddWorkingDays(dueDate, -n)), calendar.AddWorkingDays(dueDate, 1)];
}
