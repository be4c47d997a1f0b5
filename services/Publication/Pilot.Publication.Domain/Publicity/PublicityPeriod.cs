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

    private static DateTimeOffset EndOf(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset);
}
