using Pilot.EventBus.Envelope;
using Pilot.EventBus.Publishing;
using StackExchange.Redis;

namespace Pilot.EventBus;

/// <summary>One delivery of an event, with the transaction its effects must go into.</summary>
public sealed class EventContext<TEvent>
    where TEvent : IIntegrationEvent
{
    private readonly IEventOutbox _outbox;

    internal EventContext(TEvent evt, CloudEventEnvelope envelope, IDatabase database, ITransaction transaction, IEventOutbox outbox)
    {
        Event = evt;
        Envelope = envelope;
        Database = database;
        Transaction = transaction;
        _outbox = outbox;
    }

    public TEvent Event { get; }

    /// <summary>The CloudEvents attributes (id, source, time, trace) as received.</summary>
    public CloudEventEnvelope Envelope { get; }

    /// <summary>For reads before deciding what to write. Writes made here bypass deduplication.</summary>
    public IDatabase Database { get; }

    /// <summary>Enlist every write here; it commits only if this event was not handled before.</summary>
    public ITransaction Transaction { get; }

    /// <summary>Publishes a follow-up event in the same transaction, so it goes out exactly when the state changes.</summary>
    public string Publish<TNext>(TNext evt)
        where TNext : IIntegrationEvent => _outbox.Enlist(Transaction, evt);
}
