using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pilot.EventBus;

/// <summary>
/// A CloudEvents 1.0 envelope with the attributes daprd adds (topic, pubsubname, trace fields),
/// so that events read the same whichever transport carried them.
/// </summary>
public sealed record CloudEventEnvelope
{
    public const string SpecVersionValue = "1.0";
    public const string JsonContentType = "application/json";

    [JsonPropertyName("specversion")]
    public string SpecVersion { get; init; } = SpecVersionValue;

    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("source")]
    public required string Source { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>The record the event is about (<see cref="IEventSubject"/>); absent for events about no one record.</summary>
    [JsonPropertyName("subject")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Subject { get; init; }

    [JsonPropertyName("datacontenttype")]
    public string DataContentType { get; init; } = JsonContentType;

    [JsonPropertyName("data")]
    public JsonElement Data { get; init; }

    [JsonPropertyName("topic")]
    public required string Topic { get; init; }

    [JsonPropertyName("pubsubname")]
    public required string PubsubName { get; init; }

    [JsonPropertyName("time")]
    public required string Time { get; init; }

    [JsonPropertyName("traceparent")]
    public string TraceParent { get; init; } = "";

    [JsonPropertyName("traceid")]
    public string TraceId { get; init; } = "";

    [JsonPropertyName("tracestate")]
    public string TraceState { get; init; } = "";
}
