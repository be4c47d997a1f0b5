using System.Globalization;
using System.Text.Json;

namespace Pilot.EventBus.Envelope;

/// <summary>Wraps an event the way daprd would, with this service as the source.</summary>
internal sealed class EnvelopeFactory(string appId, string pubsubName, TimeProvider clock)
{
    public CloudEventEnvelope Create<TEvent>(TEvent evt)
        where TEvent : IIntegrationEvent =>
        Create(TEvent.Topic, TEvent.EventType, JsonSerializer.SerializeToElement(evt, EnvelopeJson.DataOptions));

    public CloudEventEnvelope Create(string topic, string eventType, object data, string? eventId = null) =>
        Create(topic, eventType, JsonSerializer.SerializeToElement(data, data.GetType(), EnvelopeJson.DataOptions), eventId);

    private CloudEventEnvelope Create(string topic, string eventType, JsonElement data, string? eventId = null)
    {
        var trace = TraceContext.Current();
        return new CloudEventEnvelope
        {
            Id = eventId ?? Guid.NewGuid().ToString(),
            Source = appId,
            Type = eventType,
            Data = data,
            Topic = topic,
            PubsubName = pubsubName,
            Time = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            TraceParent = trace.TraceParent,
            TraceId = trace.TraceParent,
            TraceState = trace.TraceState,
        };
    }
}
