using Pilot.Notification.Domain.Reminders;
using Pilot.SharedKernel;

namespace Pilot.Notification.Tests.Domain;

/// <summary>
/// Reminder days around the 2020 National Day and Mid-Autumn holiday (国办发明电〔2019〕16号): 1–8 October off,
/// Sunday 27 September and Saturday 10 October working (make-up) days.
/// </summary>
public sealed class ReminderRulesTests
{
    private static readonly ReminderRules Rules = new(WorkingDayCalendar.MainlandChina, ReminderRules.DefaultOffsets);

    // Due Monday 12 October 2020. Counting back: 10 Oct (Sat, make-up) 1, 9 Oct 2, 30 Sep 3, 29 Sep 4, 28 Sep 5,
    // 27 Sep (Sun, make-up) 6, 25 Sep 7; the holiday and the weekend of 3/4 October count for nothing.
    private static readonly OpenItem Item = new("pkg-1", "MaterialPackage", "dept-mot", "2020", new DateOnly(2020, 10, 12));

    [Theory]
    [InlineData("2020-09-25", 7)]
    [InlineData("2020-10-10", 1)]
    public void The_party_is_reminded_on_the_working_days_that_lie_seven_and_one_working_days_before(string day, int left)
    {
        var notice = Rules.NoticeFor(Item, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.NotNull(notice);
        Assert.False(notice.Overdue);
        Assert.Equal(left, notice.WorkingDaysLeft);
    }

    [Theory]
    [InlineData("2020-09-24")]
    [InlineData("2020-09-26")] // Saturday, no make-up day: no reminders on a day off
    [InlineData("2020-09-27")]
    [InlineData("2020-10-05")] // in the holiday
    [InlineData("2020-10-09")]
    [InlineData("2020-10-12")] // the due day itself
    [InlineData("2020-10-14")]
    public void No_notice_on_other_days(string day)
    {
        Assert.Null(Rules.NoticeFor(Item, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_overdue_notice_goes_out_the_working_day_after_the_due_date()
    {
        var notice = Rules.NoticeFor(Item, new DateOnly(2020, 10, 13));

        Assert.NotNull(notice);
        Assert.True(notice.Overdue);
        Assert.EndsWith(":overdue", notice.Key, StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_due_on_the_last_day_before_a_holiday_is_overdue_on_the_first_working_day_after_it()
    {
        var beforeHoliday = Item with { DueDate = new DateOnly(2020, 9, 30) };

        Assert.Null(Rules.NoticeFor(beforeHoliday, new DateOnly(2020, 10, 1)));
        Assert.True(Rules.NoticeFor(beforeHoliday, new DateOnly(2020, 10, 9))!.Overdue);
    }

    [Fact]
    public void Offsets_are_configurable_and_each_names_its_own_notice()
    {
        var rules = new ReminderRules(WorkingDayCalendar.MainlandChina, [3]);

        Assert.Equal(3, rules.NoticeFor(Item, new DateOnly(2020, 9, 30))!.WorkingDaysLeft);
        Assert.Null(rules.NoticeFor(Item, new DateOnly(2020, 9, 25)));
        Assert.NotEqual(Rules.NoticeFor(Item, new DateOnly(2020, 9, 25))!.Key, Rules.NoticeFor(Item, new DateOnly(2020, 10, 10))!.Key);
    }

    [Fact]
    public void An_offset_below_one_working_day_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ReminderRules(WorkingDayCalendar.MainlandChina, [7, 0]));
    }
}
