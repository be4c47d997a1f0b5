using System.Text.Json;
using global::Dapr.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Pilot.EventBus.Consuming;
using Pilot.EventBus.Diagnostics;

namespace Pilot.EventBus.Dapr;

/// <summary>
/// Receives one message from daprd. UseCloudEvents has already unwrapped the body to <c>data</c> and
/// forwarded the other attributes as <c>Cloudevent.*</c> headers; we rebuild the envelope from both.
/// </summary>
internal sealed class DaprEventEndpoint(
    EventDispatcher dispatcher,
    DaprClient dapr,
    IOptions<EventBusOptions> options,
    EventBusTelemetry telemetry)
{
    private const string HeaderPrefix = "Cloudevent.";

    public async Task<IResult> HandleAsync(string topic, HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var envelope = await ReadEnvelopeAsync(topic, http.Request, cancellationToken);
        if (envelope is null)
        {
            return DaprAnswer.Drop;
        }

        var outcome = await dispatcher.DispatchAsync(topic, envelope, commitAlso: null, markerLookedUp: false, cancellationToken);
        switch (outcome.Kind)
        {
            case DispatchOutcomeKind.Retry:
                return DaprAnswer.Retry;
            case DispatchOutcomeKind.Poison:
                // daprd discards a DROP without using the dead-letter topic, so we put it there ourselves.
                await dapr.PublishEventAsync(options.Value.PubsubName, PilotTopics.DeadLetterOf(topic), envelope.Data, DaprPublishMetadata.For(envelope), cancellationToken);
                telemetry.DeadLettered(topic, envelope.Type);
                return DaprAnswer.Drop;
            default:
                return DaprAnswer.Success;
        }
    }

    private async Task<CloudEventEnvelope?> ReadEnvelopeAsync(string topic, HttpRequest request, CancellationToken cancellationToken)
    {
        string Header(string name) => request.Headers[HeaderPrefix + name].ToString();

        var id = Header("id");
        var type = Header("type");
        if (id.Length == 0 || type.Length == 0)
        {
            return null;
        }

        JsonElement data;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            data = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }

        var pubsub = Header("pubsubname");
        return new CloudEventEnvelope
        {
            Id = id,
            Source = Header("source"),
            Type = type,
            Data = data,
            Topic = topic,
            PubsubName = pubsub.Length > 0 ? pubsub : options.Value.PubsubName,
            Time = Header("time"),
            TraceParent = Header("traceparent"),
            TraceId = Header("traceid"),
            TraceState = Header("tracestate"),
        };
    }
}
