namespace Pilot.EventBus;

/// <summary>
/// Handles one event type. Read through the service's own storage and write only by handing writes to
/// <see cref="EventContext{TEvent}.Writes"/>: the bus commits them in one step with the
/// "already handled" marker, so a redelivered event changes nothing.
/// Throw to have the event retried; throw <see cref="PoisonEventException"/> when retrying cannot help.
/// </summary>
public interface IEventHandler<TEvent>
    where TEvent : IIntegrationEvent
{
    Task HandleAsync(EventContext<TEvent> context, CancellationToken cancellationToken);
}
