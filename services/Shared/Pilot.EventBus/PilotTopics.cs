namespace Pilot.EventBus;

/// <summary>Topics are named per producer: every service publishes only to its own topic.</summary>
public static class PilotTopics
{
    public const string Registry = "registry-events";
    public const string Filing = "filing-events";
    public const string Publication = "publication-events";
    public const string Notification = "notification-events";

    public static string ForApp(string appId) => $"{appId}-events";

    /// <summary>Where messages go that could not be handled; the same name under Dapr and Redis Streams.</summary>
    public static string DeadLetterOf(string topic) => $"{topic}-deadletter";
}
