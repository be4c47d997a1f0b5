namespace Pilot.EventBus.Redis;

/// <summary>Field names of a stream entry as Dapr's pubsub.redis component writes them.</summary>
internal static class StreamFields
{
    public const string Data = "data";
    public const string Metadata = "metadata";

    /// <summary>Dead-letter entries only: why the message was given up.</summary>
    public const string Error = "error";

    public const string Attempts = "attempts";
    public const string OriginalId = "originalid";

    /// <summary>The app (consumer group) that gave the message up.</summary>
    public const string AppId = "appid";
}
