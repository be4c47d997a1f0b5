using Pilot.SharedKernel;

namespace Pilot.Publication.Domain.Publicity;

/// <summary>
/// The days a filed branch is publicised online (三.5): from the first working day after its filing was accepted,
/// for the configured number of working days (5 unless configured otherwise), holidays and make-up working days
/// of the official calendar included. Starting the day after keeps every period a full set of working days, whatever
/// the hour of the acceptance.
/// </summary>
/// <param name="OpensOn">First day of publicity (China date).</param>
/// <param name="ClosesOn">Last day of publicity, inclusive.</param>
/// <param name="ClosesAt">The instant the window closes: the end of <paramref name="ClosesOn"/> in Beijing.</param>
public sealed record PublicityPeriod(DateOnly OpensOn, DateOnly ClosesOn, DateTimeOffset ClosesAt)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static PublicityPeriod After(DateTimeOffset acceptedAt, int workingDays, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var opens = calendar.AddWorkingDays(WorkingDayCalendar.ChinaDate(acceptedAt), 1);
        var closes = calendar.AddWorkingDays(opens, workingDays - 1);
        return new PublicityPeriod(opens, closes, EndOf(closes));
    }

    /// <summary>A window of <paramref name="window"/> from the acceptance, for local runs that reach the directory in minutes.</summary>
    public static PublicityPeriod Shortened(DateTimeOffset acceptedAt, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var closesAt = acceptedAt + window;
        return new PublicityPeriod(WorkingDayCalendar.ChinaDate(acceptedAt), WorkingDayCalendar.ChinaDate(closesAt), closesAt);
    }

    /// <summary>Working days of the window still to come at <paramref name="now"/>, today included; 0 once it has closed.</summary>
    public int WorkingDaysLeft(DateTimeOffset now, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (now >= ClosesAt)
        {
            return 0;
        }

        var today = WorkingDayCalendar.ChinaDate(now);
        var from = today < OpensOn ? OpensOn : today;
        // A shortened local window may run over a weekend; it still has its day.
        return Math.Max(1, calendar.WorkingDaysBetween(from.AddDays(-1), ClosesOn));
    }

    private static DateTimeOffset EndOf(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset);
}
