namespace Pilot.Notification.Storage;

/// <summary>Notification's own Redis keys; no other service reads them.</summary>
internal static class NotificationKeys
{
    /// <summary>Hash: <c>record</c> (the message as JSON), <c>read</c> (0 or 1), <c>position</c> (its member in the inbox sets).</summary>
    public static string Message(string messageId) => $"notification:message:{messageId}";

    /// <summary>Stream of a party's message ids in arrival order; the entry id is the watch cursor.</summary>
    public static string InboxStream(string party) => $"notification:inbox:{party}:stream";

    /// <summary>Sorted sets (all scores 0) of a party's unread / read messages; members sort by time (<see cref="InboxPosition"/>).</summary>
    public static string Unread(string party) => $"notification:inbox:{party}:unread";

    public static string Read(string party) => $"notification:inbox:{party}:read";

    /// <summary>Hash: one field per channel (<c>Inbox</c>, <c>Webhook</c>, <c>Email</c>), the delivery as JSON.</summary>
    public static string Deliveries(string messageId) => $"notification:delivery:{messageId}";

    /// <summary>Sorted set of <c>messageId:channel</c> given up on, by when (ms).</summary>
    public const string DeadLetters = "notification:deliveries:dead";

    /// <summary>String: the party's webhook registration as JSON.</summary>
    public static string Webhook(string party) => $"notification:webhook:{party}";

    /// <summary>Hash: the sponsors (departments) that recommended an organisation, field = sponsor id.</summary>
    public static string SponsorsOf(string organisationId) => $"notification:sponsors-of:{organisationId}";

    /// <summary>String: the last day (ISO) the reminder sweep has covered.</summary>
    public const string RemindersSweptThrough = "notification:reminders:swept-through";

    /// <summary>Hash: open batches by id, value = the batch's milestones as JSON.</summary>
    public const string OpenBatches = "notification:batches:open";
}

/// <summary>A member of the inbox sets: the creation time (ms, fixed width) then the id, so lexical order is time order.</summary>
internal static class InboxPosition
{
    public static string Of(DateTimeOffset createdAt, string messageId) =>
        $"{createdAt.ToUnixTimeMilliseconds().ToString("D15", System.Globalization.CultureInfo.InvariantCulture)}|{messageId}";

    public static string MessageIdOf(string position) => position[(position.IndexOf('|', StringComparison.Ordinal) + 1)..];
}
