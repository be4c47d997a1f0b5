using Pilot.EventBus;

namespace Pilot.FactCopies;

/// <summary>
/// The bus's one handler for <typeparamref name="TEvent"/> in this app: every kind of copy the event builds changes in
/// the event's one commit, so if one kind has to wait (<see cref="FactNotCopiedYetException"/>), all of them wait.
/// </summary>
internal sealed class CopyFactsOnEvent<TEvent>(IEnumerable<IFactCopyRule<TEvent>> rules, FactCopyStore store) : IEventHandler<TEvent>
    where TEvent : IIntegrationEvent
{
    public async Task HandleAsync(EventContext<TEvent> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var position = EventPosition.Of(context.Envelope);
        foreach (var rule in rules)
        {
            await rule.CopyAsync(context, position, store).ConfigureAwait(false);
        }
    }
}
