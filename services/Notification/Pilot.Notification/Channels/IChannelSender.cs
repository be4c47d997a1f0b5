using Pilot.Notification.Domain.Deliveries;
using Pilot.Notification.Domain.Messages;

namespace Pilot.Notification.Channels;

/// <summary>How one attempt ended: delivered, worth trying again, or never going to work.</summary>
public sealed record SendOutcome(DeliveryStatus Status, string Detail)
{
    public static SendOutcome Delivered(string detail) => new(DeliveryStatus.Delivered, detail);

    public static SendOutcome Temporary(string reason) => new(DeliveryStatus.TemporaryFailure, reason);

    public static SendOutcome Permanent(string reason) => new(DeliveryStatus.PermanentFailure, reason);
}

/// <summary>Sends a message on one channel that can fail (webhook, e-mail); an exception counts as a temporary failure.</summary>
public interface IChannelSender
{
    Channel Channel { get; }

    Task<SendOutcome> SendAsync(InboxMessage message, Delivery delivery, CancellationToken cancellationToken);
}
