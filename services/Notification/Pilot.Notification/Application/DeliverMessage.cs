using Pilot.Notification.Domain.Deliveries;

namespace Pilot.Notification.Application;

/// <summary>The job that makes one attempt at delivering a message on a channel that can fail (webhook, e-mail).</summary>
public sealed record DeliverMessage(string MessageId, Channel Channel)
{
    /// <summary>The job's kind, as stored with it: keep it when renaming the type.</summary>
    public const string Kind = "deliver-message";

    /// <summary>One job per message and channel: a retry schedules the same key again.</summary>
    public static string KeyFor(string messageId, Channel channel) => $"deliver:{channel.ToString().ToLowerInvariant()}:{messageId}";
}
