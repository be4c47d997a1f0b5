using System.Text.Json.Nodes;
using Pilot.Notification.Tests.Support;
using Pilot.Testing;
using Proto = Pilot.Protos.Notification;

namespace Pilot.Notification.Tests.Webhooks;

/// <summary>Webhooks to a real HTTP receiver: signed, retried with growing waits, dead-lettered, each attempt in the history.</summary>
public sealed class WebhookDeliveryTests(NotificationFixture fixture) : IClassFixture<NotificationFixture>, IAsyncLifetime
{
    private WebhookReceiver receiver = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private NotificationService Service => fixture.Service;

    public async ValueTask InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async ValueTask DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task Registration_shows_the_secret_once_and_a_delivery_verifies_with_it()
    {
        var org = NewOrg();
        var registered = await Service.Client().RegisterWebhookAsync(new Proto.RegisterWebhookRequest { RequestId = "reg-1", Url = receiver.Url(org) }, Service.AsOrganisation(org), cancellationToken: Ct);
        receiver.Secret = registered.Secret;
        Assert.StartsWith("whsec_", registered.Secret, StringComparison.Ordinal);
        var shown = await Service.Client().GetWebhookAsync(new Proto.GetWebhookRequest(), Service.AsOrganisation(org), cancellationToken: Ct);
        Assert.Equal(receiver.Url(org), shown.Url);

        var messageId = await TellAsync(org);
        await Service.RunAllDueAsync();

        var call = Assert.Single(receiver.Calls, c => c.Path == "/" + org);
        Assert.True(call.Verified, call.VerifyError);
        Assert.Equal(messageId, call.WebhookId);
        var payload = JsonNode.Parse(call.Body)!;
        Assert.Equal("pilot.notification.message.v1", (string?)payload["type"]);
        Assert.StartsWith("【备案通过】", (string?)payload["data"]!["subject"], StringComparison.Ordinal);
        var webhook = await WebhookDeliveryAsync(org, messageId);
        Assert.Equal(Proto.DeliveryStatus.Delivered, webhook.Status);
        Assert.Equal(receiver.Url(org), webhook.Destination);
        Assert.Single(webhook.Attempts);
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_growing_waits_and_every_attempt_is_in_the_history()
    {
        var org = NewOrg();
        await RegisterAsync(org);
        receiver.Answer(503, 500);
        var messageId = await TellAsync(org);

        await Service.RunAllDueAsync();
        var first = await WebhookDeliveryAsync(org, messageId);
        Assert.Equal(Proto.DeliveryStatus.TemporaryFailure, first.Status);
        Assert.Contains("503", first.Reason, StringComparison.Ordinal);
        var firstWait = first.NextAttemptAt.ToDateTimeOffset() - first.UpdatedAt.ToDateTimeOffset();
        Assert.InRange(firstWait, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.5));

        // Not before its time.
        Service.Clock.Advance(TimeSpan.FromSeconds(1));
        await Service.RunAllDueAsync();
        Assert.Single(receiver.Calls, c => c.Path == "/" + org);

        Service.Clock.Advance(TimeSpan.FromSeconds(2));
        await Service.RunAllDueAsync();
        var second = await WebhookDeliveryAsync(org, messageId);
        var secondWait = second.NextAttemptAt.ToDateTimeOffset() - second.UpdatedAt.ToDateTimeOffset();
        Assert.InRange(secondWait, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));

        Service.Clock.Advance(TimeSpan.FromSeconds(5));
        await Service.RunAllDueAsync();
        var delivered = await WebhookDeliveryAsync(org, messageId);

        Assert.Equal(Proto.DeliveryStatus.Delivered, delivered.Status);
        Assert.Equal(
            [Proto.DeliveryStatus.TemporaryFailure, Proto.DeliveryStatus.TemporaryFailure, Proto.DeliveryStatus.Delivered],
            delivered.Attempts.Select(a => a.Outcome));
        var calls = receiver.Calls.Where(c => c.Path == "/" + org).ToList();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Equal(messageId, c.WebhookId));
        Assert.All(calls, c => Assert.True(c.Verified, c.VerifyError));
    }

    [Fact]
    public async Task A_receiver_that_never_answers_well_is_dead_lettered_after_the_configured_attempts()
    {
        var org = NewOrg();
        await RegisterAsync(org);
        receiver.Answer(500, 500, 500, 500);
        var messageId = await TellAsync(org);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Service.RunAllDueAsync();
            Service.Clock.Advance(TimeSpan.FromSeconds(31));
        }

        var dead = await WebhookDeliveryAsync(org, messageId);
        Assert.Equal(Proto.DeliveryStatus.PermanentFailure, dead.Status);
        Assert.StartsWith("dead-lettered after 3 attempts", dead.Reason, StringComparison.Ordinal);
        Assert.Equal(3, dead.Attempts.Count);
        Assert.Equal(3, receiver.Calls.Count(c => c.Path == "/" + org));
        Assert.NotNull(await fixture.Redis.SortedSetScoreAsync("notification:deliveries:dead", $"{messageId}:Webhook"));

        // The inbox got it regardless: a failed channel never blocks the others.
        var inbox = (await Service.Client().GetDeliveriesAsync(new Proto.GetDeliveriesRequest { MessageId = messageId }, Service.AsOrganisation(org), cancellationToken: Ct))
            .Deliveries.Single(d => d.Channel == Proto.Channel.Inbox);
        Assert.Equal(Proto.DeliveryStatus.Delivered, inbox.Status);
    }

    [Fact]
    public async Task After_a_rotation_the_new_secret_verifies_and_the_previous_still_signs_during_the_overlap()
    {
        var org = NewOrg();
        var first = await RegisterAsync(org);
        var rotated = await Service.Client().RotateWebhookSecretAsync(new Proto.RotateWebhookSecretRequest { RequestId = "rot-1" }, Service.AsOrganisation(org), cancellationToken: Ct);
        Assert.NotEqual(first, rotated.Secret);
        Assert.NotNull(rotated.PreviousSecretValidUntil);
        receiver.Secret = rotated.Secret;

        await TellAsync(org);
        await Service.RunAllDueAsync();

        var call = Assert.Single(receiver.Calls, c => c.Path == "/" + org);
        Assert.True(call.Verified, call.VerifyError);
        var previousSignature = call.Signature.Split(' ')[1];
        Assert.Equal(Pilot.Notification.Domain.Webhooks.WebhookSignature.Sign(first, call.WebhookId, long.Parse(call.Timestamp, System.Globalization.CultureInfo.InvariantCulture), call.Body), previousSignature);
    }

    private static string NewOrg() => $"org-{Guid.NewGuid():N}"[..14];

    private async Task<string> RegisterAsync(string org)
    {
        var registered = await Service.Client().RegisterWebhookAsync(new Proto.RegisterWebhookRequest { RequestId = "reg-" + org, Url = receiver.Url(org) }, Service.AsOrganisation(org), cancellationToken: Ct);
        receiver.Secret = registered.Secret;
        return registered.Secret;
    }

    private async Task<string> TellAsync(string org)
    {
        await Envelopes.PublishAsync(fixture.Redis, "filing-events", "pilot.filing.filing-accepted.v1", $"acc-{org}", Envelopes.FilingAccepted($"f-{org}", org));
        Proto.ListInboxResponse inbox = new();
        await Eventually.HoldsAsync(
            async () => (inbox = await Service.Client().ListInboxAsync(new Proto.ListInboxRequest(), Service.AsOrganisation(org), cancellationToken: Ct)).Messages.Count == 1,
            "the message arrived");
        return inbox.Messages[0].MessageId;
    }

    private async Task<Proto.Delivery> WebhookDeliveryAsync(string org, string messageId) =>
        (await Service.Client().GetDeliveriesAsync(new Proto.GetDeliveriesRequest { MessageId = messageId }, Service.AsOrganisation(org), cancellationToken: Ct))
            .Deliveries.Single(d => d.Channel == Proto.Channel.Webhook);
}
