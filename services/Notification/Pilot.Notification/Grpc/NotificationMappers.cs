using Google.Protobuf.WellKnownTypes;
using Pilot.Notification.Application;
using Pilot.Notification.Domain.Deliveries;
using Pilot.Notification.Domain.Webhooks;
using Proto = Pilot.Protos.Notification;

namespace Pilot.Notification.Grpc;

/// <summary>Domain records to the wire, one method per message.</summary>
internal static class NotificationMappers
{
    public static Proto.InboxMessage ToProto(InboxEntry entry) => new()
    {
        MessageId = entry.Message.MessageId,
        EventType = entry.Message.EventType,
        EventId = entry.Message.EventId,
        Subject = entry.Message.Subject,
        Body = entry.Message.Body,
        CreatedAt = Timestamp.FromDateTimeOffset(entry.Message.CreatedAt),
        Read = entry.Read,
        About = entry.Message.About,
    };

    public static Proto.ListInboxResponse ToProto(InboxPage page)
    {
        var response = new Proto.ListInboxResponse { NextPageToken = page.NextPageToken, UnreadCount = (int)Math.Min(int.MaxValue, page.UnreadCount) };
        response.Messages.AddRange(page.Items.Select(ToProto));
        return response;
    }

    public static Proto.MarkReadResponse ToProto(MarkReadAnswer answer) =>
        new() { Marked = answer.Marked, UnreadCount = (int)Math.Min(int.MaxValue, answer.UnreadCount) };

    public static Proto.GetDeliveriesResponse ToProto(MessageDeliveries deliveries)
    {
        var response = new Proto.GetDeliveriesResponse { MessageId = deliveries.MessageId, Recipient = deliveries.Recipient };
        response.Deliveries.AddRange(deliveries.Deliveries.Select(ToProto));
        return response;
    }

    public static Proto.Delivery ToProto(Delivery delivery)
    {
        var proto = new Proto.Delivery
        {
            Channel = ToProto(delivery.Channel),
            Status = ToProto(delivery.Status),
            Reason = delivery.Reason,
            Destination = delivery.Destination,
            UpdatedAt = Timestamp.FromDateTimeOffset(delivery.UpdatedAt),
            NextAttemptAt = delivery.NextAttemptAt is { } next ? Timestamp.FromDateTimeOffset(next) : null,
        };
        proto.Attempts.AddRange(delivery.Attempts.Select(a => new Proto.DeliveryAttempt
        {
            Number = a.Number,
            StartedAt = Timestamp.FromDateTimeOffset(a.StartedAt),
            Outcome = ToProto(a.Outcome),
            Detail = a.Detail,
        }));
        return proto;
    }

    public static Proto.WebhookSecret ToProto(IssuedSecret secret) => new()
    {
        Url = secret.Url,
        Secret = secret.Secret,
        PreviousSecretValidUntil = secret.PreviousSecretValidUntil is { } until ? Timestamp.FromDateTimeOffset(until) : null,
    };

    public static Proto.Webhook ToProto(WebhookRegistration registration) => new()
    {
        Url = registration.Url,
        RegisteredAt = Timestamp.FromDateTimeOffset(registration.RegisteredAt),
        RotatedAt = registration.RotatedAt is { } rotated ? Timestamp.FromDateTimeOffset(rotated) : null,
    };

    public static Proto.Channel ToProto(Channel channel) => channel switch
    {
        Channel.Inbox => Proto.Channel.Inbox,
        Channel.Webhook => Proto.Channel.Webhook,
        Channel.Email => Proto.Channel.Email,
        _ => Proto.Channel.Unspecified,
    };

    public static Proto.DeliveryStatus ToProto(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Created => Proto.DeliveryStatus.Created,
        DeliveryStatus.Sending => Proto.DeliveryStatus.Sending,
        DeliveryStatus.Delivered => Proto.DeliveryStatus.Delivered,
        DeliveryStatus.TemporaryFailure => Proto.DeliveryStatus.TemporaryFailure,
        DeliveryStatus.PermanentFailure => Proto.DeliveryStatus.PermanentFailure,
        _ => Proto.DeliveryStatus.Unspecified,
    };
}
