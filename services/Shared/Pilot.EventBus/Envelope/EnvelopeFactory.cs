using System.Globalization;
using System.Text.Json;

namespace Pilot.EventBus.Envelope;

/// <summary>Wraps an event the way daprd would, with this service as the source.</summary>
internal sealed class EnvelopeFactory(string appId, string pubsubName, TimeProvider clock)
{
    public CloudEventEnvelope Create<TEvent>(TEvent evt)
        where TEvent : IIntegrationEvent
    {
        var trace = TraceContext.Current();
        return new CloudEventEnvelope
        {
            Id = Guid.NewGuid().ToString(),
            Source = appId,
            Type = TEvent.EventType,
            Data = JsonSerializer.SerializeToElement(evt, EnvelopeJson.DataOptions),
            Topic = TEvent.Topic,
            PubsubName = pubsubName,
            Time = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            TraceParent = trace.TraceParent,
            TraceId = trace.TraceParent,
            TraceState = trace.TraceState,
        };
    }
}
