using Pilot.EventBus;

namespace Pilot.FactCopies;

/// <summary>How one kind of copy follows one event type; an event type may build several kinds.</summary>
internal interface IFactCopyRule<TEvent>
    where TEvent : IIntegrationEvent
{
    Task CopyAsync(EventContext<TEvent> context, EventPosition position, FactCopyStore store);
}
