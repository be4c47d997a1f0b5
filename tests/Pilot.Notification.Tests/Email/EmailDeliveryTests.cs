using Pilot.Notification.Tests.Support;
using Pilot.Testing;
using Proto = Pilot.Protos.Notification;

namespace Pilot.Notification.Tests.Email;

/// <summary>E-mail through a real SMTP server started in the test, to the contacts the Registry's events named.</summary>
public sealed class EmailDeliveryTests(EmailDeliveryTests.Fixture fixture) : IClassFixture<EmailDeliveryTests.Fixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_message_is_mailed_to_the_organisations_contacts_in_chinese_and_marked_delivered()
    {
        var service = fixture.Service;
        var org = $"org-{Guid.NewGuid():N}"[..14];
        await Envelopes.PublishAsync(fixture.Redis, "registry-events", "pilot.registry.organisation-registered.v1", $"reg-{org}", Envelopes.OrganisationRegistered(org, $"{org}@example.org", "second@example.org"));
        await Eventually.HoldsAsync(async () => await fixture.Redis.KeyExistsAsync($"notification:copy:organisation-contacts:{org}"), "the contacts were copied");

        var messageId = await TellAsync(service, org);
        await service.RunAllDueAsync();

        var mail = Assert.Single(fixture.Smtp.Received, m => m.To.Mailboxes.Any(b => b.Address == $"{org}@example.org"));
        Assert.Equal([$"{org}@example.org", "second@example.org"], mail.To.Mailboxes.Select(b => b.Address));
        Assert.StartsWith("【备案通过】", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("京人社备〔2020〕031号", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal($"{messageId}@pilot.local", mail.MessageId);
        var email = await DeliveryAsync(service, org, messageId);
        Assert.Equal(Proto.DeliveryStatus.Delivered, email.Status);
        Assert.Equal($"{org}@example.org, second@example.org", email.Destination);
    }

    [Fact]
    public async Task An_organisation_without_contacts_gets_no_mail_delivery_but_its_inbox_message()
    {
        var service = fixture.Service;
        var org = $"org-{Guid.NewGuid():N}"[..14];

        var messageId = await TellAsync(service, org);

        var deliveries = await service.Client().GetDeliveriesAsync(new Proto.GetDeliveriesRequest { MessageId = messageId }, service.AsOrganisation(org), cancellationToken: Ct);
        Assert.Equal([Proto.Channel.Inbox], deliveries.Deliveries.Select(d => d.Channel));
    }

    [Fact]
    public async Task A_relay_that_cannot_be_reached_is_a_temporary_failure_with_the_reason()
    {
        await using var unreachable = new NotificationService(fixture.RedisServer, fixture.Clock, settings: new Dictionary<string, string?>
        {
            ["Pilot:Notification:Email:Host"] = "127.0.0.1",
            ["Pilot:Notification:Email:Port"] = "1",
            ["Pilot:Notification:Email:Security"] = "None",
        });
        var org = $"org-{Guid.NewGuid():N}"[..14];
        await Envelopes.PublishAsync(fixture.Redis, "registry-events", "pilot.registry.organisation-registered.v1", $"reg-{org}", Envelopes.OrganisationRegistered(org, $"{org}@example.org"));
        await Eventually.HoldsAsync(async () => await fixture.Redis.KeyExistsAsync($"notification:copy:organisation-contacts:{org}"), "the contacts were copied");
        var messageId = await TellAsync(fixture.Service, org);

        // Only this instance runs the pass, so the attempt goes to the unreachable relay.
        await unreachable.RunDueAsync();

        var email = await DeliveryAsync(unreachable, org, messageId);
        Assert.Equal(Proto.DeliveryStatus.TemporaryFailure, email.Status);
        Assert.Contains("127.0.0.1:1", email.Reason, StringComparison.Ordinal);
        Assert.NotNull(email.NextAttemptAt);
    }

    private async Task<string> TellAsync(NotificationService service, string org)
    {
        await Envelopes.PublishAsync(fixture.Redis, "filing-events", "pilot.filing.filing-accepted.v1", $"acc-{org}", Envelopes.FilingAccepted($"f-{org}", org));
        Proto.ListInboxResponse inbox = new();
        await Eventually.HoldsAsync(
            async () => (inbox = await service.Client().ListInboxAsync(new Proto.ListInboxRequest(), service.AsOrganisation(org), cancellationToken: Ct)).Messages.Count == 1,
            "the message arrived");
        return inbox.Messages[0].MessageId;
    }

    private static async Task<Proto.Delivery> DeliveryAsync(NotificationService service, string org, string messageId) =>
        (await service.Client().GetDeliveriesAsync(new Proto.GetDeliveriesRequest { MessageId = messageId }, service.AsOrganisation(org), cancellationToken: Ct))
            .Deliveries.Single(d => d.Channel == Proto.Channel.Email);

    public sealed class Fixture : NotificationFixture
    {
        public SmtpSink Smtp { get; } = SmtpSink.Start();

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Smtp.DisposeAsync();
        }

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Pilot:Notification:Email:Host"] = "127.0.0.1",
            ["Pilot:Notification:Email:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Pilot:Notification:Email:Security"] = "None",
        };
    }
}
