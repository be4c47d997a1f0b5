using System.Text.Json;
using System.Text.Json.Nodes;
using StackExchange.Redis;

namespace Pilot.InfoPlatform.Tests.Support;

/// <summary>
/// Publishes as Pilot's publishers do on the Redis Streams transport (docs/events.md): <c>XADD &lt;topic&gt; * data
/// &lt;CloudEvent JSON&gt;</c>, the envelope as daprd builds it.
/// </summary>
public static class Envelopes
{
    public const string Topic = "publication-events";

    public static string Of(string id, string type, object data, string topic = Topic, string? subject = null) =>
        new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = id,
            ["source"] = "publication",
            ["type"] = type,
            ["subject"] = subject,
            ["datacontenttype"] = "application/json",
            ["data"] = data as JsonNode ?? JsonSerializer.SerializeToNode(data, JsonSerializerOptions.Web),
            ["topic"] = topic,
            ["pubsubname"] = "pubsub",
            ["time"] = DateTimeOffset.UtcNow.ToString("O"),
            ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            ["traceid"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            ["tracestate"] = "",
        }.ToJsonString();

    public static async Task<string> PublishAsync(this IDatabase db, string id, string type, object data, string topic = Topic) =>
        (await db.StreamAddAsync(topic, "data", Of(id, type, data, topic))).ToString();
}
