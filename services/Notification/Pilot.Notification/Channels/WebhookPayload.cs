using System.Text.Json;
using Pilot.Notification.Domain.Messages;
using Pilot.Notification.Storage;

namespace Pilot.Notification.Channels;

/// <summary>
/// The JSON a webhook receives, in the Standard Webhooks shape: <c>type</c>, <c>timestamp</c>, <c>data</c>. The
/// <c>webhook-id</c> header is the message id, the same on every retry, so a receiver drops a message it already has.
/// </summary>
public static class WebhookPayload
{
    public const string Type = "pilot.notification.message.v1";

    public static string Json(InboxMessage message, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.Serialize(
            new
            {
                type = Type,
                timestamp = sentAt,
                data = new
                {
                    messageId = message.MessageId,
                    recipient = message.Recipient,
                    eventId = message.EventId,
                    eventType = message.EventType,
                    about = message.About,
                    subject = message.Subject,
                    body = message.Body,
                    createdAt = message.CreatedAt,
                },
            },
            NotificationJson.Options);
    }
}
