using Pilot.Notification.Domain.Parties;
using Pilot.Notification.Domain.Routing;
using Pilot.Notification.IntegrationEvents;

namespace Pilot.Notification.Tests.Domain;

public sealed class RoutingTableTests
{
    private static readonly DateTimeOffset At = new(2020, 10, 13, 15, 0, 0, TimeSpan.FromHours(8));

    public static TheoryData<string, string[]> Cases => new()
    {
        { EventTypes.PackageAccepted, ["org:dept-mot"] },
        { EventTypes.PackageRefused, ["org:dept-mot"] },
        { EventTypes.FilingSubmitted, ["bureau:110000"] },
        { EventTypes.FilingAccepted, ["org:org-jtpj", "org:dept-mot"] },
        { EventTypes.FilingRejected, ["org:org-jtpj", "org:dept-mot"] },
        { EventTypes.PublicityScheduled, ["org:org-jtpj"] },
        { EventTypes.PublicityConcluded, ["org:org-jtpj"] },
        { EventTypes.ObjectionRaised, ["org:org-jtpj", "bureau:110000"] },
        { EventTypes.ObjectionResolved, ["org:org-jtpj", "bureau:110000"] },
        { EventTypes.DirectoryPublished, ["org:org-jtpj", "org:org-zgjx", "org:dept-mot", "org:ind-cfa"] },
        { EventTypes.OrganisationsRecommended, ["org:org-jtpj", "org:org-zgjx"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_event_type_reaches_the_parties_the_table_names(string eventType, string[] expected)
    {
        var evt = Samples.Of(eventType).WithList(RoutingTable.SponsorsList, eventType == EventTypes.DirectoryPublished ? ["dept-mot", "ind-cfa"] : ["dept-mot"]);

        var recipients = RoutingTable.Default.RecipientsOf(evt).Select(p => p.Key).ToArray();

        Assert.Equal(expected, recipients);
    }

    [Fact]
    public void Every_sample_covers_a_route_and_every_route_has_a_sample()
    {
        Assert.Equal(
            RoutingTable.Default.Routes.Select(r => r.EventType).Order(StringComparer.Ordinal),
            Samples.All().Select(e => e.EventType).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_industry_organisation_that_is_its_own_sponsor_hears_an_acceptance_once()
    {
        var evt = Samples.Of(EventTypes.FilingAccepted).WithList(RoutingTable.SponsorsList, ["org-jtpj"]);

        Assert.Equal([Party.Organisation("org-jtpj")], RoutingTable.Default.RecipientsOf(evt));
    }

    [Fact]
    public void An_objection_to_an_organisations_own_entry_reaches_the_organisation_only_and_reads_as_the_organisation()
    {
        var evt = new ObjectionRaised("obj-2", "o-1", "2020", BranchId: null, "org-jtpj", RegionCode: null, RegionName: null, FilingNumber: null, At, new DateOnly(2020, 10, 20))
            .ToNotification("e-o2", At);

        Assert.Equal([Party.Organisation("org-jtpj")], RoutingTable.Default.RecipientsOf(evt));
        var text = Pilot.Notification.Domain.Templates.TemplateCatalog.ZhCn.Get("objection-raised").Render(evt.Facts);
        Assert.StartsWith("【公示异议】社会培训评价组织org-jtpj在公示期收到异议", text.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_type_not_in_the_table_reaches_nobody()
    {
        var evt = new PackageSubmittedLike().ToNotification("e-1", At);

        Assert.Empty(RoutingTable.Default.RecipientsOf(evt));
    }

    [Fact]
    public void An_event_without_the_id_its_route_names_is_an_error_not_a_message_to_nobody()
    {
        var evt = new FilingSubmitted("f-1", "2020", "br-1", "org-1", RegionCode: "", "北京市", [], 1).ToNotification("e-1", At);

        Assert.ThrowsAny<Exception>(() => RoutingTable.Default.RecipientsOf(evt));
    }

    private sealed class PackageSubmittedLike : INotifiable
    {
        public NotificationEvent ToNotification(string eventId, DateTimeOffset occurredAt) =>
            new(eventId, "pilot.filing.package-submitted.v1", occurredAt, "pkg-1", new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<string>>());
    }
}
