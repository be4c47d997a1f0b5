using Pilot.Filing.Domain.Deadlines;
using Pilot.SharedKernel;
using static Pilot.Filing.Tests.Domain.TestData;

namespace Pilot.Filing.Tests.Domain;

public sealed class DeadlineTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.MainlandChina;
    private static readonly DateOnly Today2020 = new(2020, 9, 1);

    [Fact]
    public void The_2020_batch_has_the_dates_of_the_notice()
    {
        Assert.Equal(new DateOnly(2020, 9, 30), BatchMilestones.Batch2020.DueDateOf(TrackedItemKind.MaterialPackage));
        Assert.Equal(new DateOnly(2020, 10, 10), BatchMilestones.Batch2020.DueDateOf(TrackedItemKind.LocalFiling));
        Assert.Equal(new DateOnly(2020, 11, 15), BatchMilestones.Batch2020.DueDateOf(TrackedItemKind.ImplementationPlan));
        Assert.Equal(new DateTimeOffset(2020, 10, 1, 0, 0, 0, TimeSpan.FromHours(8)), BatchMilestones.Batch2020.DeadlineOf(TrackedItemKind.MaterialPackage));
    }

    [Fact]
    public void A_new_batch_takes_plausible_dates_in_order()
    {
        var batch = BatchMilestones.Create("2021", new(2021, 3, 31), new(2021, 4, 10), new(2021, 5, 15), new DateOnly(2021, 1, 5));
        Assert.Equal("2021", batch.BatchId);
    }

    [Theory]
    [InlineData("2019-09-30", "2020-10-10", "2020-11-15", "plan")]
    [InlineData("2020-09-30", "2020-10-10", "2099-11-15", "implementation_and_publicity")]
    [InlineData("2020-09-30", "2020-09-10", "2020-11-15", "filing_guidance")]
    [InlineData("2020-09-30", "2020-10-10", "2020-10-01", "implementation_and_publicity")]
    public void Nonsense_batch_dates_are_invalid(string plan, string filing, string implementation, string field)
    {
        var error = Assert.Throws<DomainException>(() =>
            BatchMilestones.Create("x", DateOnly.Parse(plan), DateOnly.Parse(filing), DateOnly.Parse(implementation), Today2020));
        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Equal(field, error.Violations[0].Field);
    }

    [Fact]
    public void On_time_up_to_midnight_beijing_time_of_the_due_day()
    {
        var due = new DateOnly(2020, 9, 30);
        Assert.False(Lateness.Of(new DateTimeOffset(2020, 9, 30, 23, 59, 0, TimeSpan.FromHours(8)), due, Calendar).IsLate);
        var justLate = Lateness.Of(new DateTimeOffset(2020, 9, 30, 16, 0, 0, TimeSpan.Zero), due, Calendar);
        Assert.True(justLate.IsLate);
        Assert.Equal(1, justLate.CalendarDaysLate);
        Assert.Equal(0, justLate.WorkingDaysLate); // 1 October is a holiday
    }

    [Fact]
    public void Lateness_counts_calendar_and_working_days()
    {
        var lateness = Lateness.Of(At(2020, 11, 20), new DateOnly(2020, 11, 15), Calendar);
        Assert.Equal(5, lateness.CalendarDaysLate);
        Assert.Equal(5, lateness.WorkingDaysLate); // 15 November is a Sunday; Monday to Friday follow
        Assert.Equal(new DateOnly(2020, 11, 20), lateness.SubmittedOn);
    }

    [Fact]
    public void Reminds_open_items_within_n_working_days_before_their_milestone()
    {
        TrackedItem[] items =
        [
            new("package-a", TrackedItemKind.MaterialPackage, "dept-a", Done: false),
            new("package-b", TrackedItemKind.MaterialPackage, "dept-b", Done: true),
            new("filing-a", TrackedItemKind.LocalFiling, "org-a", Done: false),
            new("plan-a", TrackedItemKind.ImplementationPlan, "org-a", Done: false),
        ];

        // Friday 25 September: the package milestone (Wed 30th) is 4 working days away: make-up Sunday 27th, then 28th, 29th, 30th.
        var reminders = ReminderQuery.ItemsDueSoon(items, Batch, new DateOnly(2020, 9, 25), 4, Calendar);
        var reminder = Assert.Single(reminders);
        Assert.Equal("package-a", reminder.Item.ItemId);
        Assert.Equal(4, reminder.WorkingDaysLeft);
        Assert.False(reminder.IsOverdue);

        Assert.Empty(ReminderQuery.ItemsDueSoon(items, Batch, new DateOnly(2020, 9, 25), 3, Calendar));

        // Across the golden week the filing milestone (10 October) is 2 working days after 30 September.
        var onDueDay = ReminderQuery.ItemsDueSoon(items, Batch, new DateOnly(2020, 9, 30), 2, Calendar);
        Assert.Equal(["package-a", "filing-a"], onDueDay.Select(r => r.Item.ItemId));
        Assert.Equal([0, 2], onDueDay.Select(r => r.WorkingDaysLeft));
    }

    [Fact]
    public void Overdue_items_are_listed_unless_asked_not_to()
    {
        TrackedItem[] items = [new("package-a", TrackedItemKind.MaterialPackage, "dept-a", Done: false)];

        var overdue = Assert.Single(ReminderQuery.ItemsDueSoon(items, Batch, new DateOnly(2020, 10, 9), 0, Calendar));
        Assert.True(overdue.IsOverdue);
        Assert.Equal(-1, overdue.WorkingDaysLeft);

        Assert.Empty(ReminderQuery.ItemsDueSoon(items, Batch, new DateOnly(2020, 10, 9), 0, Calendar, includeOverdue: false));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1000)]
    public void A_nonsense_window_is_invalid(int days) =>
        Assert.Equal(ErrorKind.Invalid, Assert.Throws<DomainException>(() => ReminderQuery.ItemsDueSoon([], Batch, Today2020, days, Calendar)).Kind);
}
