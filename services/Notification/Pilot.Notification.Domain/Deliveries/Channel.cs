namespace Pilot.Notification.Domain.Deliveries;

public enum Channel
{
    Inbox,
    Webhook,
    Email,
}

/// <summary>A delivery's life, as a government notification service reports it.</summary>
public enum DeliveryStatus
{
    Created,
    Sending,
    Delivered,

    /// <summary>Failed this time; it will be tried again.</summary>
    TemporaryFailure,

    /// <summary>Given up: refused address, rejected by the receiver, or the last attempt failed (dead letter).</summary>
    PermanentFailure,
}
