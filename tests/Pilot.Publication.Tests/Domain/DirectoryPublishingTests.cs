using System.Text;
using Pilot.Publication.Domain.Directory;
using Pilot.Publication.Domain.Publicity;
using Pilot.SharedKernel;

namespace Pilot.Publication.Tests.Domain;

public sealed class DirectoryPublishingTests
{
    private static readonly Caller Centre = new("centre-clerk", Roles.NationalCentre);
    private static readonly DateTimeOffset Now = new(2020, 11, 15, 9, 0, 0, TimeSpan.FromHours(8));

    private static PublicityEntry Passed(PublicityEntry entry) => entry with { Status = PublicityStatus.Passed, ConcludedAt = Entries.EndOfWindow };

    [Fact]
    public void An_organisation_is_listed_when_its_own_entry_passed_with_only_its_branches_that_passed()
    {
        var ready = DirectoryPublishing.Ready([
            Passed(Entries.Organisation("org-b")),
            Passed(Entries.Branch("br-b2", "org-b")),
            Passed(Entries.Branch("br-b1", "org-b")),
            Entries.Branch("br-b3", "org-b") with { Status = PublicityStatus.Withdrawn },
            Entries.Branch("br-b4", "org-b"),
            Passed(Entries.Organisation("org-a")),
            // A passed branch of an organisation still in publicity waits with it.
            Passed(Entries.Branch("br-c1", "org-c")),
            Entries.Organisation("org-c"),
        ]);

        Assert.Equal(["org-a", "org-b"], ready.Select(organisation => organisation.OrganisationId));
        Assert.Equal(["br-b1", "br-b2"], ready[1].Branches.Select(branch => branch.BranchId));
        Assert.Empty(ready[0].Branches);
    }

    [Fact]
    public void Each_version_names_the_previous_hash_and_says_what_it_added_and_removed()
    {
        var first = DirectoryPublishing.Ready([Passed(Entries.Organisation("org-a")), Passed(Entries.Branch("br-a1", "org-a"))]);
        var (v1, diff1) = DirectoryPublishing.Compose(Centre, "2020", null, null, first, Now);
        var v1Hash = DirectoryCanonicalJson.Sha256Hex(DirectoryCanonicalJson.Write(v1));
        Assert.Equal((1, null), (v1.Version, v1.PreviousSha256));
        Assert.Equal(["org-a"], diff1.AddedOrganisationIds);
        Assert.Equal(["br-a1"], diff1.AddedBranchIds);

        var second = DirectoryPublishing.Ready([Passed(Entries.Organisation("org-b")), Passed(Entries.Branch("br-b1", "org-b"))]);
        var (v2, diff2) = DirectoryPublishing.Compose(Centre, "2020", v1, v1Hash, second, Now.AddDays(1));

        Assert.Equal((2, v1Hash), (v2.Version, v2.PreviousSha256));
        Assert.Equal(["org-b"], diff2.AddedOrganisationIds);
        Assert.Equal(["org-a"], diff2.RemovedOrganisationIds);
        Assert.Equal(["br-a1"], diff2.RemovedBranchIds);
    }

    [Fact]
    public void The_canonical_export_is_stable_its_hash_changes_with_any_byte_and_it_writes_chinese_as_it_is()
    {
        var ready = DirectoryPublishing.Ready([Passed(Entries.Organisation("org-a")), Passed(Entries.Branch("br-a1", "org-a"))]);
        var (content, _) = DirectoryPublishing.Compose(Centre, "2020", null, null, ready, Now);

        var export = DirectoryCanonicalJson.Write(content);
        Assert.Equal(export, DirectoryCanonicalJson.Write(DirectoryCanonicalJson.Read(export)));
        Assert.Contains("中国交通培训评价中心", Encoding.UTF8.GetString(export), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", DirectoryCanonicalJson.Sha256Hex(export));

        var altered = content with { Organisations = [content.Organisations[0] with { Name = "中国交通培训评价中心 " }] };
        Assert.NotEqual(DirectoryCanonicalJson.Sha256Hex(export), DirectoryCanonicalJson.Sha256Hex(DirectoryCanonicalJson.Write(altered)));
    }

    [Fact]
    public void Only_the_national_centre_publishes_and_not_an_empty_or_unchanged_directory()
    {
        var ready = DirectoryPublishing.Ready([Passed(Entries.Organisation("org-a"))]);
        Assert.Equal(ErrorKind.Forbidden, Assert.Throws<DomainException>(() =>
            DirectoryPublishing.Compose(new Caller("bj", Roles.ProvincialHr, "110000"), "2020", null, null, ready, Now)).Kind);

        var empty = Assert.Throws<DomainException>(() => DirectoryPublishing.Compose(Centre, "2020", null, null, [], Now));
        Assert.Equal((ErrorKind.Precondition, "R5"), (empty.Kind, empty.Rule));

        var (v1, _) = DirectoryPublishing.Compose(Centre, "2020", null, null, ready, Now);
        Assert.Equal(ErrorKind.Precondition, Assert.Throws<DomainException>(() => DirectoryPublishing.Compose(Centre, "2020", v1, "h", ready, Now.AddDays(1))).Kind);
    }
}
