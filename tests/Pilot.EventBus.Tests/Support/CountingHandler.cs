namespace Pilot.EventBus.Tests.Support;

/// <summary>Increments the event's key in a hash, through the bus's writes as real handlers must.</summary>
public sealed class CountingHandler<TEvent>(HandlerProbe probe) : IEventHandler<TEvent>
    where TEvent : IIntegrationEvent, ITestEvent
{
    public Task HandleAsync(EventContext<TEvent> context, CancellationToken cancellationToken)
    {
        if (probe.FailOn(probe.NextCall()) is { } error)
        {
            throw error;
        }

        context.Writes.HashIncrement(probe.StateKey, context.Event.Key);
        return Task.CompletedTask;
    }
}
