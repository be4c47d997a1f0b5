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
public sealed record PublicityPeriod(DateOnly OpensOn, DateOnly ClosesOn)
{
    public static PublicityPeriod After(DateTimeOffset acceptedAt, int workingDays, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var opens = calendar.AddWorkingDays(WorkingDayCalendar.ChinaDate(acceptedAt), 1);
        return new PublicityPeriod(opens, calendar.AddWorkingDays(opens, workingDays - 1));
    }
}
