using System.Buffers;
using System.Text.Json;

namespace Pilot.EventBus.Envelope;

/// <summary>Wraps an event the way daprd would, with this service as the source.</summary>
/// <remarks>
/// The envelope is written field by field and the event's data serialized straight into it: building a
/// <see cref="CloudEventEnvelope"/> first would serialize the data twice (to a JSON element, then with the
/// envelope), on the path of every event. The bytes are the same as serializing the record with
/// <see cref="EnvelopeJson.DataOptions"/> (a test compares them).
/// </remarks>
internal sealed class EnvelopeFactory(string appId, string pubsubName, TimeProvider clock)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = EnvelopeJson.DataOptions.Encoder };

    // Every event passes through here on its producer's hot path: each thread keeps one buffer and one writer
    // (the envelope is written synchronously, start to end), so an event costs one array, the envelope itself.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public WrittenEnvelope Write<TEvent>(TEvent evt)
        where TEvent : IIntegrationEvent =>
        Write(TEvent.Topic, TEvent.EventType, evt!, typeof(TEvent));

    public WrittenEnvelope Write(string topic, string eventType, object data, string? eventId = null) =>
        Write(topic, eventType, data, data.GetType(), eventId);

    private WrittenEnvelope Write(string topic, string eventType, object data, Type dataType, string? eventId = null)
    {
        var id = eventId ?? Guid.NewGuid().ToString();
        var trace = TraceContext.Current();
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var json = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        json.Reset(buffer);
        try
        {
            json.WriteStartObject();
            json.WriteString("specversion", CloudEventEnvelope.SpecVersionValue);
            json.WriteString("id", id);
            json.WriteString("source", appId);
            json.WriteString("type", eventType);
            if (data is IEventSubject { Subject: { Length: > 0 } subject })
            {
                json.WriteString("subject", subject);
            }

            json.WriteString("datacontenttype", CloudEventEnvelope.JsonContentType);
            json.WritePropertyName("data");
            JsonSerializer.Serialize(json, data, dataType, EnvelopeJson.DataOptions);
            json.WriteString("topic", topic);
            json.WriteString("pubsubname", pubsubName);
            // RFC 3339 in UTC, fraction without trailing zeros (none at all when zero), as the format string
            // "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" would write it, without parsing that format on every event.
            json.WriteString("time", clock.GetUtcNow().UtcDateTime);
            json.WriteString("traceparent", trace.TraceParent);
            json.WriteString("traceid", trace.TraceParent);
            json.WriteString("tracestate", trace.TraceState);
            json.WriteEndObject();
            json.Flush();
            return new WrittenEnvelope(id, topic, eventType, buffer.WrittenSpan.ToArray());
        }
        finally
        {
            // A large event must not keep its buffer alive on the thread for good.
            if (buffer.Capacity > MaxKeptBufferBytes)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
    }

    private const int MaxKeptBufferBytes = 64 * 1024;
}

/// <summary>An envelope as it goes on the stream, with the attributes the publisher still needs.</summary>
internal sealed record WrittenEnvelope(string Id, string Topic, string Type, byte[] Json);
