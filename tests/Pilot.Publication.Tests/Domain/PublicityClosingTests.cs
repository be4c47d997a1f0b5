using Pilot.Publication.Domain.Publicity;

namespace Pilot.Publication.Tests.Domain;

public sealed class PublicityClosingTests
{
    [Fact]
    public void A_window_ends_at_midnight_after_its_last_day_in_Beijing_and_the_entry_passes_without_objections()
    {
        var open = Entries.Branch();
        Assert.Null(PublicityClosing.Close(open, Entries.EndOfWindow.AddTicks(-1)));

        var closed = PublicityClosing.Close(open, Entries.EndOfWindow);

        Assert.NotNull(closed);
        Assert.Equal(PublicityStatus.Passed, closed.Status);
        Assert.Equal(Entries.EndOfWindow, closed.ConcludedAt);
    }

    [Fact]
    public void An_entry_with_an_unresolved_objection_waits_and_a_concluded_one_changes_no_more()
    {
        var objected = Entries.Branch() with { UnresolvedObjections = 1 };
        var waiting = PublicityClosing.Close(objected, Entries.EndOfWindow.AddHours(1));

        Assert.Equal(PublicityStatus.AwaitingResolution, waiting!.Status);
        Assert.Null(waiting.ConcludedAt);
        Assert.Null(PublicityClosing.Close(waiting, Entries.EndOfWindow.AddDays(3)));
        Assert.Null(PublicityClosing.Close(PublicityClosing.Close(Entries.Branch(), Entries.EndOfWindow)!, Entries.EndOfWindow.AddDays(1)));
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
