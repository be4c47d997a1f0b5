namespace Pilot.Notification.Domain.Deliveries;

/// <summary>One attempt at a delivery, as its history shows it.</summary>
public sealed record DeliveryAttempt(int Number, DateTimeOffset StartedAt, DeliveryStatus Outcome, string Detail);

/// <summary>
/// A message on one channel: where it goes, where it stands, and every attempt. Each transition returns the delivery
/// as it then stands; a delivery that has finished (delivered or failed for good) does not move again.
/// </summary>
public sealed record Delivery(
    string MessageId,
    string Recipient,
    Channel Channel,
    string Destination,
    DeliveryStatus Status,
    string Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? NextAttemptAt,
    IReadOnlyList<DeliveryAttempt> Attempts)
{
    public bool IsFinished => Status is DeliveryStatus.Delivered or DeliveryStatus.PermanentFailure;

    public static Delivery Create(string messageId, string recipient, Channel channel, string destination, DateTimeOffset now) =>
        new(messageId, recipient, channel, destination, DeliveryStatus.Created, "", now, now, now, []);

    /// <summary>The inbox holds the message as soon as it is committed: delivered at creation.</summary>
    public static Delivery InInbox(string messageId, string recipient, DateTimeOffset now) =>
        new(messageId, recipient, Channel.Inbox, "", DeliveryStatus.Delivered, "", now, now, null, [new DeliveryAttempt(1, now, DeliveryStatus.Delivered, "stored in the inbox")]);

    /// <summary>Refused before any attempt (no address, an address configuration forbids).</summary>
    public static Delivery Refused(string messageId, string recipient, Channel channel, string destination, string reason, DateTimeOffset now) =>
        new(messageId, recipient, channel, destination, DeliveryStatus.PermanentFailure, reason, now, now, null, []);

    public int AttemptCount => Attempts.Count;

    public Delivery Sending(DateTimeOffset now) =>
        Guard() with { Status = DeliveryStatus.Sending, UpdatedAt = now, NextAttemptAt = null };

    public Delivery Delivered(DateTimeOffset startedAt, DateTimeOffset now, string detail) =>
        Guard() with
        {
            Status = DeliveryStatus.Delivered,
            Reason = "",
            UpdatedAt = now,
            NextAttemptAt = null,
            Attempts = [.. Attempts, new DeliveryAttempt(Attempts.Count + 1, startedAt, DeliveryStatus.Delivered, detail)],
        };

    public Delivery FailedTemporarily(DateTimeOffset startedAt, DateTimeOffset now, string reason, DateTimeOffset nextAttemptAt) =>
        Guard() with
        {
            Status = DeliveryStatus.TemporaryFailure,
            Reason = reason,
            UpdatedAt = now,
            NextAttemptAt = nextAttemptAt,
            Attempts = [.. Attempts, new DeliveryAttempt(Attempts.Count + 1, startedAt, DeliveryStatus.TemporaryFailure, reason)],
        };

    public Delivery FailedPermanently(DateTimeOffset startedAt, DateTimeOffset now, string reason) =>
        Guard() with
        {
            Status = DeliveryStatus.PermanentFailure,
            Reason = reason,
            UpdatedAt = now,
            NextAttemptAt = null,
            Attempts = [.. Attempts, new DeliveryAttempt(Attempts.Count + 1, startedAt, DeliveryStatus.PermanentFailure, reason)],
        };

    private Delivery Guard() =>
        IsFinished ? throw new InvalidOperationException($"delivery of {MessageId} on {Channel} has finished ({Status})") : this;
}
