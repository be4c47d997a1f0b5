using Pilot.Publication.Domain.Publicity;
using Pilot.SharedKernel;

namespace Pilot.Publication.Tests.Publicity;

public sealed class PublicityClosingTests
{
    private static readonly BranchPublicity Open = PublicityOpening.Open(
        null,
        new AcceptedFiling("2020/br-1", "2020", "br-1", "org-1", "110000", "北京市", "京人社备〔2020〕001号", new DateOnly(2020, 10, 13),
            [new AcceptedOccupation("4-12-01-01")], new DateTimeOffset(2020, 10, 13, 15, 0, 0, TimeSpan.FromHours(8))),
        5,
        WorkingDayCalendar.MainlandChina)!;

    private static readonly DateTimeOffset EndOfWindow = new(2020, 10, 21, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_window_ends_at_midnight_after_its_last_day_in_Beijing_and_the_entry_passes_without_objections()
    {
        Assert.Null(PublicityClosing.Close(Open, EndOfWindow.AddTicks(-1), unresolvedObjections: 0));

        var closed = PublicityClosing.Close(Open, EndOfWindow, unresolvedObjections: 0);

        Assert.NotNull(closed);
        Assert.Equal(PublicityStatus.Passed, closed.Status);
        Assert.Equal(EndOfWindow, closed.ConcludedAt);
    }

    [Fact]
    public void An_entry_with_an_unresolved_objection_waits_and_a_concluded_one_changes_no_more()
    {
        var waiting = PublicityClosing.Close(Open, EndOfWindow.AddHours(1), unresolvedObjections: 1);

        Assert.Equal(PublicityStatus.AwaitingResolution, waiting!.Status);
        Assert.Null(waiting.ConcludedAt);
        Assert.Null(PublicityClosing.Close(waiting, EndOfWindow.AddDays(3), unresolvedObjections: 0));
        Assert.Null(PublicityClosing.Close(PublicityClosing.Close(Open, EndOfWindow, 0)!, EndOfWindow.AddDays(1), 0));
    }

    [Fact]
    public void A_shortened_window_closes_its_minutes_after_the_acceptance()
    {
        var acceptedAt = new DateTimeOffset(2026, 12, 4, 23, 58, 0, TimeSpan.FromHours(8));

        var period = PublicityPeriod.Shortened(acceptedAt, TimeSpan.FromMinutes(3));

        Assert.Equal(acceptedAt.AddMinutes(3), period.ClosesAt);
        Assert.Equal(new DateOnly(2026, 12, 4), period.OpensOn);
        Assert.Equal(new DateOnly(2026, 12, 5), period.ClosesOn);
    }
}
