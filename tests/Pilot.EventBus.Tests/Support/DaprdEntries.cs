using System.Text.Json;
using StackExchange.Redis;

namespace Pilot.EventBus.Tests.Support;

/// <summary>
/// Writes stream entries the way daprd's pubsub.redis component does: a CloudEvent serialised by Go
/// (keys in alphabetical order) in field <c>data</c> and the publish metadata as a JSON map in <c>metadata</c>.
/// Built by hand, not with the library, so the test checks our reader against daprd's writer.
/// </summary>
internal static class DaprdEntries
{
    public static string CloudEventJson(string id, string type, string topic, string source, object data, string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01") =>
        $$"""
        {"data":{{JsonSerializer.Serialize(data, JsonSerializerOptions.Web)}},"datacontenttype":"application/json","id":"{{id}}","pubsubname":"pubsub","source":"{{source}}","specversion":"1.0","time":"2025-01-02T03:04:05.123456789Z","topic":"{{topic}}","traceid":"{{traceParent}}","traceparent":"{{traceParent}}","tracestate":"","type":"{{type}}"}
        """;

    public static Task<RedisValue> AddAsync(IDatabase db, string topic, string cloudEventJson, string type) =>
        db.StreamAddAsync(topic,
        [
            new NameValueEntry("data", System.Text.Encoding.UTF8.GetBytes(cloudEventJson)),
            new NameValueEntry("metadata", JsonSerializer.Serialize(new Dictionary<string, string> { ["cloudevent.type"] = type })),
        ]);
}
