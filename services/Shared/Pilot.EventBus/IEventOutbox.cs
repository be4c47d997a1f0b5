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
    /// <param name="eventId">A stable CloudEvents id (e.g. derived from the request id), so a retried
    /// request produces the same id and consumers' deduplication sees one event; a new uuid when null.</param>
    string Enlist(ITransaction transaction, string topic, string eventType, object data, string? eventId = null);

    /// <summary>
    /// The stream entry for an event, for a caller that commits with its own Lua script instead of
    /// a MULTI/EXEC transaction: append <see cref="PreparedEvent.Data"/> to
    /// <see cref="PreparedEvent.Stream"/> as field <c>data</c> in the same script as the state change,
    /// then call <see cref="PreparedEvent.Committed"/> once the script has succeeded.
    /// </summary>
    PreparedEvent Prepare(string topic, string eventType, object data, string? eventId = null);

    /// <summary>Publishes an event that goes with no state change of its own.</summary>
    Task<string> PublishAsync<TEvent>(TEvent evt, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent;
}
