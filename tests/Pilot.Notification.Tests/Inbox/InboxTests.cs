using Grpc.Core;
using Pilot.Notification.Tests.Support;
using Pilot.Testing;
using Proto = Pilot.Protos.Notification;

namespace Pilot.Notification.Tests.Inbox;

/// <summary>Events on the bus become messages in the right inboxes, readable only by their owners.</summary>
public sealed class InboxTests(NotificationFixture fixture) : IClassFixture<NotificationFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private NotificationService Service => fixture.Service;

    [Fact]
    public async Task A_submitted_filing_reaches_the_bureau_of_its_region_in_chinese_and_no_other_party()
    {
        var region = "110000";
        var filingId = $"f-{Guid.NewGuid():N}"[..12];
        await Envelopes.PublishAsync(fixture.Redis, "filing-events", "pilot.filing.filing-submitted.v1", $"e-{filingId}", Envelopes.FilingSubmitted(filingId, region));

        var inbox = await UntilInboxAsync(Service.AsBureau(region), 1);

        var message = Assert.Single(inbox.Messages);
        Assert.Equal("pilot.filing.filing-submitted.v1", message.EventType);
        Assert.Equal($"e-{filingId}", message.EventId);
        Assert.Equal(filingId, message.About);
        Assert.StartsWith("【待审核备案】", message.Subject, StringComparison.Ordinal);
        Assert.Contains($"分支机构br-{filingId}", message.Body, StringComparison.Ordinal);
        Assert.Contains("4-12-01-01", message.Body, StringComparison.Ordinal);
        Assert.False(message.Read);
        Assert.Equal(1, inbox.UnreadCount);

        var otherBureau = await Service.Client().ListInboxAsync(new Proto.ListInboxRequest(), Service.AsBureau("31" + region[2..]), cancellationToken: Ct);
        Assert.Empty(otherBureau.Messages);
        var organisation = await Service.Client().ListInboxAsync(new Proto.ListInboxRequest(), Service.AsOrganisation("org-jtpj"), cancellationToken: Ct);
        Assert.DoesNotContain(organisation.Messages, m => m.About == filingId);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_makes_one_message()
    {
        var region = "120000";
        var filingId = $"f-{Guid.NewGuid():N}"[..12];
        var data = Envelopes.FilingSubmitted(filingId, region);
        await Envelopes.PublishAsync(fixture.Redis, "filing-events", "pilot.filing.filing-submitted.v1", $"e-{filingId}", data);
        await Envelopes.PublishAsync(fixture.Redis, "filing-events", "pilot.filing.filing-submitted.v1", $"e-{filingId}", data);
        // A later event for the same bureau marks the point where both copies have been handled (the consumer keeps order).
        await Envelopes.PublishAsync(fixture.Redis, "filing-events", "pilot.filing.filing-submitted.v1", $"e2-{filingId}", Envelopes.FilingSubmitted(filingId + "b", region));

        var inbox = await UntilInboxAsync(Service.AsBureau(region), 2);
        await Task.Delay(200, Ct);
        inbox = await Service.Client().ListInboxAsync(new Proto.ListInboxRequest(), Service.AsBureau(region), cancellationToken: Ct);

        Assert.Equal(2, inbox.Messages.Count);
        Assert.Single(inbox.Messages, m => m.EventId == $"e-{filingId}");
    }

    [Fact]
    public async Task The_inbox_pages_unread_first_newest_first_and_a_read_message_moves_behind_the_unread()
    {
        var region = "130000";
        var bureau = Service.AsBureau(region);
        for (var i = 0; i < 5; i++)
        {
            Service.Clock.Advance(TimeSpan.FromSeconds(1));
            await Envelopes.PublishAsync(fixture.Redis, "filing-events", "pilot.filing.filing-submitted.v1", $"e-{region}-{i}", Envelopes.FilingSubmitted($"f-{region}-{i}", region));
            await UntilInboxAsync(bureau, i + 1);
        }

        var all = await Service.Client().ListInboxAsync(new Proto.ListInboxRequest(), bureau, cancellationToken: Ct);
        Assert.Equal([4, 3, 2, 1, 0], all.Messages.Select(m => int.Parse(m.About[^1..], System.Globalization.CultureInfo.InvariantCulture)));

        var oldest = all.Messages[^1].MessageId;
        var newest = all.Messages[0].MessageId;
        var marked = await Service.Client().MarkReadAsync(new Proto.MarkReadRequest { RequestId = Guid.NewGuid().ToString(), MessageIds = { newest } }, bureau, cancellationToken: Ct);
        Assert.Equal(1, marked.Marked);
        Assert.Equal(4, marked.UnreadCount);

        var pages = new List<Proto.InboxMessage>();
        var token = "";
        do
        {
            var page = await Service.Client().ListInboxAsync(new Proto.ListInboxRequest { PageSize = 2, PageToken = token }, bureau, cancellationToken: Ct);
            Assert.True(page.Messages.Count <= 2);
            pages.AddRange(page.Messages);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(5, pages.Count);
        Assert.Equal(newest, pages[^1].MessageId);
        Assert.True(pages[^1].Read);
        Assert.Equal(oldest, pages[^2].MessageId);
        Assert.All(pages.Take(4), m => Assert.False(m.Read));

        var unreadOnly = await Service.Client().ListInboxAsync(new Proto.ListInboxRequest { UnreadOnly = true }, bureau, cancellationToken: Ct);
        Assert.Equal(4, unreadOnly.Messages.Count);
        Assert.DoesNotContain(unreadOnly.Messages, m => m.MessageId == newest);
    }

    [Fact]
    public async Task Marking_read_again_changes_nothing_and_another_partys_message_is_not_found()
    {
        var region = "140000";
        await Envelopes.PublishAsync(fixture.Redis, "filing-events", "pilot.filing.filing-submitted.v1", $"e-{region}", Envelopes.FilingSubmitted($"f-{region}", region));
        var id = (await UntilInboxAsync(Service.AsBureau(region), 1)).Messages[0].MessageId;

        var first = await Service.Client().MarkReadAsync(new Proto.MarkReadRequest { RequestId = "r1", MessageIds = { id } }, Service.AsBureau(region), cancellationToken: Ct);
        var again = await Service.Client().MarkReadAsync(new Proto.MarkReadRequest { RequestId = "r2", MessageIds = { id } }, Service.AsBureau(region), cancellationToken: Ct);
        Assert.Equal(1, first.Marked);
        Assert.Equal(0, again.Marked);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Service.Client().MarkReadAsync(new Proto.MarkReadRequest { RequestId = "r3", MessageIds = { id } }, Service.AsBureau("650000"), cancellationToken: Ct));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Delivery_statuses_are_read_by_the_recipient_and_the_national_centre_only()
    {
        var region = "150000";
        await Envelopes.PublishAsync(fixture.Redis, "filing-events", "pilot.filing.filing-submitted.v1", $"e-{region}", Envelopes.FilingSubmitted($"f-{region}", region));
        var id = (await UntilInboxAsync(Service.AsBureau(region), 1)).Messages[0].MessageId;

        var own = await Service.Client().GetDeliveriesAsync(new Proto.GetDeliveriesRequest { MessageId = id }, Service.AsBureau(region), cancellationToken: Ct);
        var centre = await Service.Client().GetDeliveriesAsync(new Proto.GetDeliveriesRequest { MessageId = id }, Service.AsCentre(), cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Service.Client().GetDeliveriesAsync(new Proto.GetDeliveriesRequest { MessageId = id }, Service.AsOrganisation("org-jtpj"), cancellationToken: Ct));

        var inbox = Assert.Single(own.Deliveries);
        Assert.Equal(Proto.Channel.Inbox, inbox.Channel);
        Assert.Equal(Proto.DeliveryStatus.Delivered, inbox.Status);
        Assert.Equal($"bureau:{region}", centre.Recipient);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_caller_that_is_no_party_has_no_inbox()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Service.Client().ListInboxAsync(new Proto.ListInboxRequest(), Service.As(Pilot.SharedKernel.Roles.Platform), cancellationToken: Ct));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task A_filing_outcome_reaches_the_organisation_and_the_department_that_recommended_it()
    {
        var org = $"org-{Guid.NewGuid():N}"[..12];
        var dept = $"dept-{Guid.NewGuid():N}"[..12];
        await Envelopes.PublishAsync(fixture.Redis, "registry-events", "pilot.registry.organisations-recommended.v1", $"rec-{org}", Envelopes.OrganisationsRecommended(dept, org));
        await UntilInboxAsync(Service.AsOrganisation(org), 1);
        Service.Clock.Advance(TimeSpan.FromSeconds(1));

        await Envelopes.PublishAsync(fixture.Redis, "filing-events", "pilot.filing.filing-accepted.v1", $"acc-{org}", Envelopes.FilingAccepted($"f-{org}", org));

        var organisation = await UntilInboxAsync(Service.AsOrganisation(org), 2);
        var department = await UntilInboxAsync(Service.As(Pilot.SharedKernel.Roles.Department, org: dept), 1);
        Assert.Equal(["pilot.filing.filing-accepted.v1", "pilot.registry.organisations-recommended.v1"], organisation.Messages.Select(m => m.EventType));
        Assert.Equal("pilot.filing.filing-accepted.v1", Assert.Single(department.Messages).EventType);
        Assert.NotEqual(organisation.Messages[0].MessageId, department.Messages[0].MessageId);
    }

    private async Task<Proto.ListInboxResponse> UntilInboxAsync(Metadata caller, int count)
    {
        Proto.ListInboxResponse inbox = new();
        await Eventually.HoldsAsync(
            async () => (inbox = await Service.Client().ListInboxAsync(new Proto.ListInboxRequest { PageSize = 100 }, caller, cancellationToken: Ct)).Messages.Count >= count,
            $"{count} messages arrived");
        return inbox;
    }
}
