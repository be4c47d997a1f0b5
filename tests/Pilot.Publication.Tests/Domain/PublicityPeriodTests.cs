using Pilot.Publication.Domain.Publicity;
using Pilot.SharedKernel;

namespace Pilot.Publication.Tests.Domain;

public sealed class PublicityPeriodTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.MainlandChina;

    [Theory]
    // A Tuesday afternoon in Beijing: Wednesday to the next Tuesday.
    [InlineData("2020-10-13T15:00:00+08:00", "2020-10-14", "2020-10-20")]
    // Friday night Beijing time (still Friday in UTC): the next Monday to Friday.
    [InlineData("2020-10-16T16:30:00Z", "2020-10-19", "2020-10-23")]
    // Accepted on the eve of National Day 2020: 1–8 October are off, Saturday 10 October is a make-up working day.
    [InlineData("2020-09-30T10:00:00+08:00", "2020-10-09", "2020-10-14")]
    public void Publicity_runs_five_working_days_from_the_first_working_day_after_the_acceptance(string acceptedAt, string opensOn, string closesOn)
    {
        var period = PublicityPeriod.After(DateTimeOffset.Parse(acceptedAt, System.Globalization.CultureInfo.InvariantCulture), 5, Calendar);

        Assert.Equal(DateOnly.Parse(opensOn, System.Globalization.CultureInfo.InvariantCulture), period.OpensOn);
        Assert.Equal(DateOnly.Parse(closesOn, System.Globalization.CultureInfo.InvariantCulture), period.ClosesOn);
        Assert.Equal(4, Calendar.WorkingDaysBetween(period.OpensOn, period.ClosesOn));
    }

    [Fact]
    public void A_one_day_publicity_opens_and_closes_the_same_day_and_none_is_refused()
    {
        var period = PublicityPeriod.After(new DateTimeOffset(2020, 10, 13, 9, 0, 0, TimeSpan.FromHours(8)), 1, Calendar);

        Assert.Equal(period.OpensOn, period.ClosesOn);
        Assert.Throws<ArgumentOutOfRangeException>(() => PublicityPeriod.After(DateTimeOffset.UtcNow, 0, Calendar));
    }
}
