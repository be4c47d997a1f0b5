using Pilot.EventBus;

namespace Pilot.FactCopies;

internal sealed class FactCopyRule<TFact, TEvent>(string kind, Func<TEvent, string> idOf, Func<TFact?, TEvent, TFact?> apply) : IFactCopyRule<TEvent>
    where TFact : class
    where TEvent : IIntegrationEvent
{
    public async Task CopyAsync(EventContext<TEvent> context, EventPosition position, FactCopyStore store)
    {
        var id = idOf(context.Event);
        if (string.IsNullOrEmpty(id))
        {
            throw new PoisonEventException($"{TEvent.EventType} event {context.Envelope.Id} names no {kind} id; no copy can follow it.");
        }

        var stored = await store.ReadAsync(kind, id).ConfigureAwait(false);
        if (stored is not null && !position.IsAfter(stored.Position))
        {
            // Older than what the copy already shows (a delivery retried while later events were handled): the copy stays.
            return;
        }

        var next = apply(stored is null ? null : FactCopyJson.Deserialize<TFact>(stored.Json), context.Event);
        if (next is not null)
        {
            store.Write(context.Writes, kind, id, stored, FactCopyJson.Serialize(next), position);
        }
    }
}
