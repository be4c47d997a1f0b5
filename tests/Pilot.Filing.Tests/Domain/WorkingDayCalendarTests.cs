using Pilot.SharedKernel;

namespace Pilot.Filing.Tests.Domain;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.MainlandChina;

    [Theory]
    [InlineData("2020-10-01", false)] // National Day
    [InlineData("2020-10-08", false)] // holiday on a Thursday
    [InlineData("2020-10-10", true)] // Saturday, make-up working day
    [InlineData("2020-09-27", true)] // Sunday, make-up working day
    [InlineData("2020-09-19", false)] // ordinary Saturday
    [InlineData("2020-09-30", true)] // ordinary Wednesday
    [InlineData("2026-02-28", true)] // Saturday, make-up day of the 2026 notice
    public void Knows_holidays_make_up_days_and_weekends(string date, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(date)));

    [Fact]
    public void Refuses_a_year_without_a_notice_naming_the_year_instead_of_counting_weekends_only()
    {
        Assert.True(Calendar.HasOfficialSchedule(2020));
        Assert.True(Calendar.HasOfficialSchedule(2026));
        Assert.False(Calendar.HasOfficialSchedule(2027));

        // 2027-01-01 is a Friday whose holiday is not published yet: weekends only would call it a working day.
        var refusal = Assert.Throws<CalendarYearMissingException>(() => Calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.Equal(ErrorKind.Precondition, refusal.Kind);
        Assert.Contains("2027", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(2027, Assert.Throws<CalendarYearMissingException>(() => Calendar.WorkingDaysBetween(new DateOnly(2026, 12, 1), new DateOnly(2027, 3, 1))).Year);
        Assert.Equal(2027, Assert.Throws<CalendarYearMissingException>(() => Calendar.AddWorkingDays(new DateOnly(2026, 12, 30), 5)).Year);
    }

    [Fact]
    public void Adding_working_days_skips_the_golden_week_and_counts_make_up_days()
    {
        Assert.Equal(new DateOnly(2020, 10, 9), Calendar.AddWorkingDays(new DateOnly(2020, 9, 30), 1));
        Assert.Equal(new DateOnly(2020, 10, 10), Calendar.AddWorkingDays(new DateOnly(2020, 9, 30), 2));
        Assert.Equal(new DateOnly(2020, 9, 27), Calendar.AddWorkingDays(new DateOnly(2020, 9, 25), 1));
        Assert.Equal(new DateOnly(2020, 9, 30), Calendar.AddWorkingDays(new DateOnly(2020, 10, 9), -1));
        Assert.Equal(new DateOnly(2020, 10, 3), Calendar.AddWorkingDays(new DateOnly(2020, 10, 3), 0));
    }

    [Fact]
    public void Five_working_days_of_publicity_from_an_ordinary_monday_end_on_friday()
    {
        var monday = new DateOnly(2020, 11, 2);
        Assert.Equal(new DateOnly(2020, 11, 6), Calendar.AddWorkingDays(monday, 4));
    }

    [Fact]
    public void Counts_working_days_between_two_dates_in_either_direction()
    {
        Assert.Equal(2, Calendar.WorkingDaysBetween(new DateOnly(2020, 9, 30), new DateOnly(2020, 10, 10)));
        Assert.Equal(-2, Calendar.WorkingDaysBetween(new DateOnly(2020, 10, 10), new DateOnly(2020, 9, 30)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(new DateOnly(2020, 9, 30), new DateOnly(2020, 9, 30)));
    }

    [Fact]
    public void A_day_in_china_starts_at_midnight_beijing_time()
    {
        Assert.Equal(new DateOnly(2020, 10, 1), WorkingDayCalendar.ChinaDate(new DateTimeOffset(2020, 9, 30, 16, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2020, 9, 30), WorkingDayCalendar.ChinaDate(new DateTimeOffset(2020, 9, 30, 15, 59, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2020, 9, 30, 16, 0, 0, TimeSpan.Zero), WorkingDayCalendar.EndOfChinaDay(new DateOnly(2020, 9, 30)));
    }
}
