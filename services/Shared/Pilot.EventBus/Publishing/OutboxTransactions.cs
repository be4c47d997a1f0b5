using StackExchange.Redis;

namespace Pilot.EventBus.Publishing;

/// <summary>
/// Events enlisted in a MULTI/EXEC transaction: the transport's own way in, kept off the public surface (services
/// commit through <c>Pilot.Storage</c>), for the bus's tests and its crash probe.
/// </summary>
internal static class OutboxTransactions
{
    public static string Enlist<TEvent>(this IEventOutbox outbox, ITransaction transaction, TEvent evt)
        where TEvent : IIntegrationEvent => ((RedisEventOutbox)outbox).Enlist(transaction, evt);

    public static string Enlist(this IEventOutbox outbox, ITransaction transaction, string topic, string eventType, object data, string? eventId = null) =>
        ((RedisEventOutbox)outbox).Enlist(transaction, topic, eventType, data, eventId);
}
