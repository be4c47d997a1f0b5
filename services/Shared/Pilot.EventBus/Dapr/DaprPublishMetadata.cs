using Pilot.EventBus.Envelope;

namespace Pilot.EventBus.Dapr;

/// <summary>
/// Publish metadata that makes daprd build its envelope with our id, source, type and trace context
/// rather than its own, so a relayed event is the same event on every retry.
/// </summary>
internal static class DaprPublishMetadata
{
    public static Dictionary<string, string> For(CloudEventEnvelope envelope)
    {
        var metadata = new Dictionary<string, string>
        {
            ["cloudevent.id"] = envelope.Id,
            ["cloudevent.source"] = envelope.Source,
            ["cloudevent.type"] = envelope.Type,
        };
        if (envelope.TraceParent.Length > 0)
        {
            metadata["cloudevent.traceparent"] = envelope.TraceParent;
            metadata["cloudevent.traceid"] = envelope.TraceId;
        }

        if (envelope.TraceState.Length > 0)
        {
            metadata["cloudevent.tracestate"] = envelope.TraceState;
        }

        return metadata;
    }
}
