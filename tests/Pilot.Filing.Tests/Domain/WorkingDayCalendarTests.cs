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
    public void Falls_back_to_weekends_only_for_a_year_without_a_notice()
    {
        Assert.True(Calendar.HasOfficialSchedule(2020));
        Assert.True(Calendar.HasOfficialSchedule(2026));
        Assert.False(Calendar.HasOfficialSchedule(2027));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2027, 1, 1))); // a Friday; its holiday is not published yet
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2027, 1, 2)));
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
