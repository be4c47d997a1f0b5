using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pilot.EventBus.Diagnostics;

/// <summary>The bus's ActivitySource and Meter.</summary>
internal sealed class EventBusTelemetry : IDisposable
{
    public const string Name = EventBusDiagnostics.Name;

    private readonly Meter _meter;
    private readonly Counter<long> _published;
    private readonly Counter<long> _handled;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _deadLettered;

    public EventBusTelemetry(IMeterFactory meterFactory, EventBusStatus status)
    {
        _meter = meterFactory.Create(Name);
        _published = _meter.CreateCounter<long>("pilot.eventbus.published", "{event}", "Events handed to the transport.");
        _handled = _meter.CreateCounter<long>("pilot.eventbus.handled", "{event}", "Events whose handler committed.");
        _failed = _meter.CreateCounter<long>("pilot.eventbus.failed", "{event}", "Handler attempts that failed.");
        _deadLettered = _meter.CreateCounter<long>("pilot.eventbus.dead_lettered", "{event}", "Events given up and moved to a dead-letter topic.");
        _meter.CreateObservableGauge("pilot.eventbus.outbox.depth", () => status.OutboxDepth, "{event}", "Events committed but not yet relayed.");
        _meter.CreateObservableGauge("pilot.eventbus.consumer.lag", () => Backlog(status, b => b.Lag), "{event}", "Entries the consumer group has not read yet.");
        _meter.CreateObservableGauge("pilot.eventbus.consumer.pending", () => Backlog(status, b => b.Pending), "{event}", "Entries read but not yet acknowledged.");
        _meter.CreateObservableGauge("pilot.eventbus.deadletters", () => Backlog(status, b => b.DeadLetters), "{event}", "Messages of the topic waiting on its dead-letter stream (for './pilot deadletters').");
    }

    public static ActivitySource ActivitySource { get; } = new(Name);

    public void Published(string topic, string eventType) => _published.Add(1, Tags(topic, eventType));

    public void Handled(string topic, string eventType) => _handled.Add(1, Tags(topic, eventType));

    public void Failed(string topic, string eventType) => _failed.Add(1, Tags(topic, eventType));

    public void DeadLettered(string topic, string eventType) => _deadLettered.Add(1, Tags(topic, eventType));

    public void Dispose() => _meter.Dispose();

    private static TagList Tags(string topic, string eventType) =>
        new() { { "messaging.destination.name", topic }, { "cloudevents.event_type", eventType } };

    private static IEnumerable<Measurement<long>> Backlog(EventBusStatus status, Func<ConsumerBacklog, long> pick) =>
        status.Backlogs.Select(b => new Measurement<long>(pick(b), new KeyValuePair<string, object?>("messaging.destination.name", b.Topic)));
}
