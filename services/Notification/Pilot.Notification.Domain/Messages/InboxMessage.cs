using System.Security.Cryptography;
using System.Text;

namespace Pilot.Notification.Domain.Messages;

/// <summary>A message for one party, rendered from the event that caused it.</summary>
public sealed record InboxMessage(
    string MessageId,
    string Recipient,
    string EventId,
    string EventType,
    string About,
    string Subject,
    string Body,
    DateTimeOffset CreatedAt,
    DateTimeOffset EventAt);

/// <summary>
/// A message's id is derived from the event and the recipient, so the same event handled again (a redelivery, a
/// second replica, a repeated reminder run) names the same message and sends nothing twice.
/// </summary>
public static class MessageIds
{
    public static string For(string eventId, string recipientKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        ArgumentException.ThrowIfNullOrEmpty(recipientKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{eventId}\n{recipientKey}"));
        return "msg_" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
