using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using Pilot.Notification.Domain.Deliveries;
using Pilot.Notification.Domain.Messages;
using Pilot.Notification.Domain.Webhooks;
using Pilot.Notification.Storage;

namespace Pilot.Notification.Channels;

/// <summary>POSTs a message to the recipient's webhook, signed the Standard Webhooks way with every secret still valid.</summary>
internal sealed class WebhookSender(IHttpClientFactory clients, WebhookStore webhooks, TimeProvider clock, IOptions<NotificationOptions> options) : IChannelSender
{
    public const string ClientName = "webhooks";

    public Channel Channel => Channel.Webhook;

    public async Task<SendOutcome> SendAsync(InboxMessage message, Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var registration = (await webhooks.ReadAsync(message.Recipient).ConfigureAwait(false)).Existing;
        if (registration is null)
        {
            return SendOutcome.Permanent("the recipient no longer has a webhook");
        }

        var now = clock.GetUtcNow();
        var body = WebhookPayload.Json(message, now);
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, registration.Url)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", message.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Header(registration.SigningSecrets(now), message.MessageId, timestamp, body));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Webhooks.Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => SendOutcome.Delivered($"{registration.Url} answered {status}"),
                (int)HttpStatusCode.Gone => SendOutcome.Permanent($"{registration.Url} answered 410 Gone: the receiver has retired this webhook"),
                _ => SendOutcome.Temporary($"{registration.Url} answered {status}"),
            };
        }
        catch (HttpRequestException error) when (Refusal(error) is { } refused)
        {
            return SendOutcome.Permanent($"refused: {refused.Message}");
        }
        catch (HttpRequestException error)
        {
            return SendOutcome.Temporary($"{registration.Url} could not be reached: {error.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendOutcome.Temporary($"{registration.Url} did not answer within {options.Value.Webhooks.Timeout.TotalSeconds:0} s");
        }
    }

    private static AddressRefusedException? Refusal(Exception error)
    {
        for (var inner = error; inner is not null; inner = inner.InnerException)
        {
            if (inner is AddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
