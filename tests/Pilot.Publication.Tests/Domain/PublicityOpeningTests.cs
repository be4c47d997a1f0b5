using Pilot.Publication.Domain.Publicity;

namespace Pilot.Publication.Tests.Domain;

public sealed class PublicityOpeningTests
{
    [Fact]
    public void An_accepted_filing_with_no_publicity_opens_one_over_the_working_days()
    {
        var opened = PublicityOpening.OpenBranch(null, Entries.Accepted(), Entries.Listing(), Entries.Period());

        Assert.NotNull(opened);
        Assert.Equal("branch~2020~br-1", opened.EntryId);
        Assert.Equal(EntryKind.Branch, opened.Kind);
        Assert.Equal("京人社备〔2020〕001号", opened.FilingNumber);
        Assert.Equal("北京分中心", opened.Listing.BranchName);
        Assert.Equal(new DateOnly(2020, 10, 14), opened.Period.OpensOn);
        Assert.Equal(new DateOnly(2020, 10, 20), opened.Period.ClosesOn);
        Assert.Equal(Entries.EndOfWindow, opened.Period.ClosesAt);
        Assert.Equal(PublicityStatus.Open, opened.Status);
        Assert.Equal(1, opened.Round);
    }

    [Fact]
    public void An_entry_in_publicity_or_passed_opens_nothing_again_whatever_the_copy_says()
    {
        var existing = Entries.Branch();
        var copy = Entries.Accepted() with { FilingNumber = "京人社备〔2020〕999号", AcceptedAt = Entries.AcceptedAt.AddDays(1) };

        Assert.Null(PublicityOpening.OpenBranch(existing, copy, Entries.Listing(), Entries.Period()));
        Assert.Null(PublicityOpening.OpenBranch(existing with { Status = PublicityStatus.Passed }, copy, Entries.Listing(), Entries.Period()));
        Assert.Null(PublicityOpening.OpenOrganisation(Entries.Organisation(), copy, Entries.Listing(), Entries.Period()));
    }

    [Fact]
    public void A_withdrawn_entry_is_publicised_again_only_after_a_newer_acceptance()
    {
        var withdrawn = Entries.Branch() with { Status = PublicityStatus.Withdrawn, ConcludedAt = Entries.AcceptedAt.AddDays(2), UnresolvedObjections = 1 };

        Assert.Null(PublicityOpening.OpenBranch(withdrawn, Entries.Accepted(), Entries.Listing(), Entries.Period()));

        var later = Entries.AcceptedAt.AddDays(30);
        var again = PublicityOpening.OpenBranch(withdrawn, Entries.Accepted(at: later), Entries.Listing(), Entries.Period(later));
        Assert.NotNull(again);
        Assert.Equal(PublicityStatus.Open, again.Status);
        Assert.Equal(2, again.Round);
        Assert.Equal(0, again.UnresolvedObjections);
    }

    [Fact]
    public void The_organisation_is_publicised_with_its_first_accepted_branch_and_shows_no_branch()
    {
        var organisation = PublicityOpening.OpenOrganisation(null, Entries.Accepted(), Entries.Listing(branchName: null), Entries.Period());

        Assert.NotNull(organisation);
        Assert.Equal("organisation~2020~org-1", organisation.EntryId);
        Assert.Null(organisation.BranchId);
        Assert.Null(organisation.RegionCode);
        Assert.Null(organisation.FilingNumber);
    }
}
