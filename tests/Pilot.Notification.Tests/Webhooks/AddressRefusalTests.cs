using Grpc.Core;
using Pilot.Notification.Channels;
using Pilot.Notification.Tests.Support;
using Pilot.Testing;
using Proto = Pilot.Protos.Notification;

namespace Pilot.Notification.Tests.Webhooks;

/// <summary>Where configuration does not allow private networks (production), a webhook never reaches one.</summary>
public sealed class AddressRefusalTests(AddressRefusalTests.Fixture fixture) : IClassFixture<AddressRefusalTests.Fixture>, IAsyncLifetime
{
    private WebhookReceiver receiver = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async ValueTask DisposeAsync() => await receiver.DisposeAsync();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task A_webhook_whose_host_is_or_resolves_to_loopback_is_refused_when_connecting_and_never_called(string host)
    {
        var service = fixture.Service;
        var org = $"org-{Guid.NewGuid():N}"[..14];
        // The URL passes registration (a name may resolve anywhere later); the address is judged when connecting.
        await service.Client().RegisterWebhookAsync(
            new Proto.RegisterWebhookRequest { RequestId = "r", Url = $"https://{host}:{receiver.Port}/{org}" }, service.AsOrganisation(org), cancellationToken: Ct);
        await Envelopes.PublishAsync(fixture.Redis, "filing-events", "pilot.filing.filing-accepted.v1", $"acc-{org}", Envelopes.FilingAccepted($"f-{org}", org));
        Proto.ListInboxResponse inbox = new();
        await Eventually.HoldsAsync(
            async () => (inbox = await service.Client().ListInboxAsync(new Proto.ListInboxRequest(), service.AsOrganisation(org), cancellationToken: Ct)).Messages.Count == 1,
            "the message arrived");

        await service.RunAllDueAsync();

        var webhook = (await service.Client().GetDeliveriesAsync(new Proto.GetDeliveriesRequest { MessageId = inbox.Messages[0].MessageId }, service.AsOrganisation(org), cancellationToken: Ct))
            .Deliveries.Single(d => d.Channel == Proto.Channel.Webhook);
        Assert.Equal(Proto.DeliveryStatus.PermanentFailure, webhook.Status);
        Assert.Contains("refused", webhook.Reason, StringComparison.Ordinal);
        Assert.Single(webhook.Attempts);
        Assert.Empty(receiver.Calls);
    }

    [Fact]
    public async Task Plain_http_is_refused_at_registration()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Service.Client().RegisterWebhookAsync(
            new Proto.RegisterWebhookRequest { RequestId = "r", Url = "http://example.org/hook" }, fixture.Service.AsOrganisation("org-a"), cancellationToken: Ct));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task The_connect_step_refuses_private_addresses_and_allows_them_only_when_configured()
    {
        await Assert.ThrowsAsync<AddressRefusedException>(async () =>
            await GuardedConnections.ConnectAsync(new System.Net.DnsEndPoint("127.0.0.1", receiver.Port), allowPrivateNetworks: false, Ct));

        await using var stream = await GuardedConnections.ConnectAsync(new System.Net.DnsEndPoint("127.0.0.1", receiver.Port), allowPrivateNetworks: true, Ct);
        Assert.True(stream.CanWrite);
    }

    public sealed class Fixture : NotificationFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Pilot:Notification:Webhooks:AllowPrivateNetworks"] = "false",
        };
    }
}
