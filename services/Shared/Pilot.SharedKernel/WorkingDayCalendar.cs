using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace Pilot.SharedKernel;

/// <summary>
/// Mainland China working days: Monday to Friday, minus the official holidays, plus the make-up
/// working days (调休) that the State Council's yearly notice moves onto weekends.
/// The schedule shipped with the code covers the years of the notices found (2020–2026). A day of a year without a
/// published notice is refused (<see cref="CalendarYearMissingException"/>, FAILED_PRECONDITION naming the year):
/// counting weekends only would give wrong deadlines, and inventing holidays would be worse. An operator adds the
/// year's notice to <c>Data/china-holidays.csv</c> (docs/filing.md, "The working-day calendar").
/// </summary>
public sealed class WorkingDayCalendar
{
    private static readonly Lazy<WorkingDayCalendar> Shipped = new(LoadShipped);

    // China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact.
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private readonly FrozenDictionary<DateOnly, bool> overrides;
    private readonly FrozenSet<int> scheduledYears;

    /// <param name="overrides">Days that differ from the Monday-to-Friday rule: true = make-up working day, false = day off.</param>
    /// <param name="scheduledYears">Years whose official schedule is fully contained in <paramref name="overrides"/>.</param>
    public WorkingDayCalendar(IEnumerable<KeyValuePair<DateOnly, bool>> overrides, IEnumerable<int> scheduledYears)
    {
        this.overrides = overrides.ToFrozenDictionary();
        this.scheduledYears = scheduledYears.ToFrozenSet();
    }

    /// <summary>The official mainland schedule shipped with the code.</summary>
    public static WorkingDayCalendar MainlandChina => Shipped.Value;

    /// <summary>The calendar date in Beijing time at <paramref name="instant"/>; deadlines are days in China.</summary>
    public static DateOnly ChinaDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(ChinaOffset).DateTime);

    /// <summary>The first instant after the whole Beijing-time day <paramref name="date"/>.</summary>
    public static DateTimeOffset EndOfChinaDay(DateOnly date) =>
        new(date.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset);

    public bool HasOfficialSchedule(int year) => scheduledYears.Contains(year);

    /// <exception cref="CalendarYearMissingException">The date's year has no official schedule.</exception>
    public bool IsWorkingDay(DateOnly date)
    {
        if (!scheduledYears.Contains(date.Year))
        {
            throw new CalendarYearMissingException(date.Year);
        }

        return overrides.TryGetValue(date, out var isWorkday)
            ? isWorkday
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The day that lies <paramref name="workingDays"/> working days after <paramref name="date"/>
    /// (before it when negative). The start day itself is never counted, so adding 1 to a Friday gives
    /// the next Monday, and adding 0 returns <paramref name="date"/> unchanged.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        var step = Math.Sign(workingDays);
        var remaining = Math.Abs(workingDays);
        var day = date;
        while (remaining > 0)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                remaining--;
            }
        }

        return day;
    }

    /// <summary>
    /// Working days in the interval after <paramref name="from"/> up to and including
    /// <paramref name="to"/>; negative when <paramref name="to"/> lies before <paramref name="from"/>.
    /// So a document due on Wednesday and handed in on Friday is 2 working days late.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        // Every year of the interval must be known before any day is counted, so the refusal names the first missing year.
        for (var year = from.AddDays(1).Year; year <= to.Year; year++)
        {
            if (!scheduledYears.Contains(year))
            {
                throw new CalendarYearMissingException(year);
            }
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    private static WorkingDayCalendar LoadShipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Pilot.SharedKernel.china-holidays.csv")
            ?? throw new InvalidOperationException("china-holidays.csv is not embedded");
        using var reader = new StreamReader(stream);
        var overrides = new Dictionary<DateOnly, bool>();
        var years = new HashSet<int>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            if (fields.Length < 2)
            {
                continue;
            }

            var date = DateOnly.ParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            overrides[date] = fields[1] switch
            {
                "workday" => true,
                "off" => false,
                _ => throw new InvalidOperationException($"china-holidays.csv: unknown kind '{fields[1]}' on {fields[0]}"),
            };
            years.Add(date.Year);
        }

        return new WorkingDayCalendar(overrides, years);
    }
}

/// <summary>A working day was asked of a year whose official holiday schedule is not installed.</summary>
public sealed class CalendarYearMissingException : DomainException
{
    public CalendarYearMissingException(int year)
        : base(
            ErrorKind.Precondition,
            null,
            $"no official working-day calendar for {year} is installed, so working days in {year} cannot be counted; an operator adds the State Council's holiday notice for {year} (docs/filing.md)",
            [new FieldViolation("calendar", $"the official holiday schedule for {year} is missing")])
    {
        Year = year;
    }

    public CalendarYearMissingException()
        : this(0)
    {
    }

    public CalendarYearMissingException(string message)
        : base(message)
    {
    }

    public CalendarYearMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Year { get; }
}
