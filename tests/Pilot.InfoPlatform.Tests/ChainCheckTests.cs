using Pilot.Samples.InfoPlatform.Copy;

namespace Pilot.InfoPlatform.Tests;

public sealed class ChainCheckTests
{
    private static string H(char c) => new(c, 64);

    [Fact]
    public void An_unbroken_chain_from_version_1_is_intact()
    {
        var report = ChainCheck.Of(new Dictionary<int, ChainLink>
        {
            [1] = new(H('a'), null),
            [2] = new(H('b'), H('a')),
            [3] = new(H('c'), H('b')),
        });
        Assert.True(report.Intact);
        Assert.Equal(3, report.LatestVersion);
    }

    [Fact]
    public void Versions_missing_below_the_latest_are_named_and_links_that_cannot_be_checked_are_not_breaks()
    {
        var report = ChainCheck.Of(new Dictionary<int, ChainLink> { [2] = new(H('b'), H('a')), [4] = new(H('d'), H('c')) });
        Assert.Equal([1, 3], report.MissingVersions);
        Assert.Empty(report.Breaks);
        Assert.False(report.Intact);
    }

    [Fact]
    public void A_previous_hash_that_is_not_the_held_predecessors_export_and_a_version_1_with_a_predecessor_are_breaks()
    {
        var report = ChainCheck.Of(new Dictionary<int, ChainLink>
        {
            [1] = new(H('a'), H('0')),
            [2] = new(H('b'), H('x')),
            [3] = new(H('c'), H('B')), // hex case does not matter
        });
        Assert.Equal([1, 2], report.Breaks.Select(b => b.Version));
        Assert.Equal(H('a'), report.Breaks[1].HeldSha256OfPrevious);
        Assert.Empty(report.MissingVersions);
    }

    [Fact]
    public void A_link_survives_its_stored_form()
    {
        Assert.Equal(new ChainLink(H('a'), null), ChainLink.Parse(new ChainLink(H('a'), null).ToString()));
        Assert.Equal(new ChainLink(H('b'), H('a')), ChainLink.Parse(new ChainLink(H('b'), H('a')).ToString()));
    }
}
