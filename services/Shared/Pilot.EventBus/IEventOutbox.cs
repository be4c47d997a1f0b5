using StackExchange.Redis;

namespace Pilot.EventBus;

/// <summary>
/// Publishes events atomically with the caller's own Redis writes: enlist the event into the same
/// <see cref="ITransaction"/> as the state change, and both land or neither does.
/// </summary>
public interface IEventOutbox
{
    /// <summary>
    /// Queues the event in <paramref name="transaction"/>; nothing is sent until the caller executes it.
    /// Returns the CloudEvents id.
    /// </summary>
    string Enlist<TEvent>(ITransaction transaction, TEvent evt)
        where TEvent : IIntegrationEvent;

    /// <summary>
    /// The same for an event whose contract lives in a domain library that does not know the bus:
    /// <paramref name="data"/> is serialised as camelCase JSON under its runtime type.
    /// </summary>
    string Enlist(ITransaction transaction, string topic, string eventType, object data);

    /// <summary>Publishes an event that goes with no state change of its own.</summary>
    Task<string> PublishAsync<TEvent>(TEvent evt, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent;
}
