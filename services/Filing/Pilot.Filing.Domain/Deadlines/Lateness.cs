using Pilot.SharedKernel;

namespace Pilot.Filing.Domain.Deadlines;

/// <summary>
/// How late an item arrived. Late items are accepted (R8 asks to flag them, not to refuse them); the
/// working-day figure matters because a week over National Day is barely late at all.
/// </summary>
/// <param name="DueDate">Last on-time day.</param>
/// <param name="SubmittedOn">Day of arrival, Beijing time.</param>
/// <param name="CalendarDaysLate">Days after the due day; 0 when on time.</param>
/// <param name="WorkingDaysLate">Working days after the due day up to and including the arrival day; 0 when on time.</param>
public sealed record Lateness(DateOnly DueDate, DateOnly SubmittedOn, int CalendarDaysLate, int WorkingDaysLate)
{
    public bool IsLate => CalendarDaysLate > 0;

    public static Lateness Of(DateTimeOffset submittedAt, DateOnly dueDate, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var submittedOn = WorkingDayCalendar.ChinaDate(submittedAt);
        if (submittedOn <= dueDate)
        {
            return new Lateness(dueDate, submittedOn, 0, 0);
        }

        return new Lateness(
            dueDate,
            submittedOn,
            submittedOn.DayNumber - dueDate.DayNumber,
            calendar.WorkingDaysBetween(dueDate, submittedOn));
    }
}
