using Pilot.EventBus.Envelope;
using Pilot.SharedKernel;
using Pilot.Storage;

namespace Pilot.EventBus;

/// <summary>One delivery of an event, with the writes its effects must go into.</summary>
public sealed class EventContext<TEvent>
    where TEvent : IIntegrationEvent
{
    private readonly IEventOutbox _outbox;
    private readonly List<Action> _afterCommit;
    private readonly string _appId;
    private int _published;

    internal EventContext(TEvent evt, CloudEventEnvelope envelope, IStateWrites writes, IEventOutbox outbox, List<Action> afterCommit, string appId)
    {
        _appId = appId;
        Event = evt;
        Envelope = envelope;
        Writes = writes;
        _outbox = outbox;
        _afterCommit = afterCommit;
    }

    public TEvent Event { get; }

    /// <summary>The CloudEvents attributes (id, source, time, trace) as received.</summary>
    public CloudEventEnvelope Envelope { get; }

    /// <summary>Hand every write here; they commit in one step with the "handled" marker, only if this event was not handled before.</summary>
    public IStateWrites Writes { get; }

    /// <summary>
    /// Publishes a follow-up event with the writes, so it goes out exactly when the state changes. Returns its CloudEvents
    /// id, derived from the event being handled (<see cref="EventIds.ForReaction"/>): handling it again yields the same id.
    /// </summary>
    public string Publish<TNext>(TNext evt)
        where TNext : IIntegrationEvent =>
        Publish(TNext.Topic, TNext.EventType, evt!);

    /// <summary>The same for a contract named at run time (the command pipeline's outgoing events).</summary>
    public string Publish(string topic, string eventType, object data)
    {
        var prepared = _outbox.Prepare(topic, eventType, data, EventIds.ForReaction(_appId, Envelope.Id, _published++));
        Writes.Append(prepared);
        return prepared.Id;
    }

    /// <summary>
    /// Runs <paramref name="action"/> once the writes have committed (not for a redelivered event). It may run while
    /// the next event's handler already runs (the consumer does not wait for a commit's answer to go on), so what it
    /// touches must be safe to use from two threads.
    /// </summary>
    public void OnCommitted(Action action) => _afterCommit.Add(action);
}
