using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pilot.EventBus.Envelope;
using Pilot.EventBus.Publishing;
using Pilot.Storage;

namespace Pilot.EventBus.Consuming;

/// <summary>A registered (topic, event type) → handler pair, with the typed plumbing hidden behind it.</summary>
internal abstract class EventSubscription
{
    public abstract string Topic { get; }

    public abstract string EventType { get; }

    public abstract Type HandlerType { get; }

    internal abstract Task InvokeAsync(IServiceProvider scope, CloudEventEnvelope envelope, IStateWrites writes, List<Action> afterCommit, CancellationToken cancellationToken);
}

internal sealed class EventSubscription<TEvent, THandler> : EventSubscription
    where TEvent : IIntegrationEvent
    where THandler : class, IEventHandler<TEvent>
{
    public override string Topic => TEvent.Topic;

    public override string EventType => TEvent.EventType;

    public override Type HandlerType => typeof(THandler);

    internal override Task InvokeAsync(IServiceProvider scope, CloudEventEnvelope envelope, IStateWrites writes, List<Action> afterCommit, CancellationToken cancellationToken)
    {
        var evt = ReadData(envelope);
        var handler = scope.GetRequiredService<THandler>();
        var outbox = scope.GetRequiredService<IEventOutbox>();
        var appId = scope.GetRequiredService<IOptions<EventBusOptions>>().Value.AppId;
        return handler.HandleAsync(new EventContext<TEvent>(evt, envelope, writes, outbox, afterCommit, appId), cancellationToken);
    }

    private static TEvent ReadData(CloudEventEnvelope envelope)
    {
        try
        {
            // From the element's own bytes: JsonElement.Deserialize would write the element out again first.
            var data = envelope.Data.ValueKind == JsonValueKind.Undefined
                ? default
                : JsonSerializer.Deserialize<TEvent>(JsonMarshal.GetRawUtf8Value(envelope.Data), EnvelopeJson.DataOptions);
            return data ?? throw new PoisonEventException($"Event {envelope.Id} has no data.");
        }
        catch (JsonException ex)
        {
            throw new PoisonEventException($"Event {envelope.Id} data does not match {typeof(TEvent).Name}.", ex);
        }
    }
}
