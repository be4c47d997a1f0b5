using Pilot.Publication.Domain.Publicity;
using Pilot.SharedKernel;

namespace Pilot.Publication.Tests.Publicity;

public sealed class PublicityOpeningTests
{
    private static readonly AcceptedFiling Accepted = new(
        "2020/br-1", "2020", "br-1", "org-1", "110000", "北京市", "京人社备〔2020〕001号", new DateOnly(2020, 10, 13),
        [new AcceptedOccupation("4-12-01-01")], new DateTimeOffset(2020, 10, 13, 15, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    public void An_accepted_filing_with_no_publicity_opens_one_over_the_working_days()
    {
        var opened = PublicityOpening.Open(null, Accepted, 5, WorkingDayCalendar.MainlandChina);

        Assert.NotNull(opened);
        Assert.Equal("京人社备〔2020〕001号", opened.FilingNumber);
        Assert.Equal(new DateOnly(2020, 10, 14), opened.Period.OpensOn);
        Assert.Equal(new DateOnly(2020, 10, 20), opened.Period.ClosesOn);
        Assert.Equal(new DateTimeOffset(2020, 10, 21, 0, 0, 0, TimeSpan.FromHours(8)), opened.Period.ClosesAt);
        Assert.Equal(PublicityStatus.Open, opened.Status);
    }

    [Fact]
    public void A_filing_already_in_publicity_opens_nothing_again_whatever_the_copy_says()
    {
        var existing = PublicityOpening.Open(null, Accepted, 5, WorkingDayCalendar.MainlandChina);

        Assert.Null(PublicityOpening.Open(existing, Accepted with { FilingNumber = "京人社备〔2020〕999号" }, 5, WorkingDayCalendar.MainlandChina));
    }
}
