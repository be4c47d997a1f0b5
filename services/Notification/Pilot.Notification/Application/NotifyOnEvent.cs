using System.Globalization;
using Pilot.Commands;
using Pilot.EventBus;
using Pilot.Notification.Domain.Routing;
using Pilot.Notification.Domain.Templates;
using Pilot.Notification.IntegrationEvents;
using Pilot.Notification.Storage;

namespace Pilot.Notification.Application;

/// <summary>
/// Tells the parties the routing table names about one event. Once twice over: the bus drops a redelivered envelope,
/// and a message that exists already (the same event id and recipient) is not created again.
/// </summary>
internal sealed class NotifyOnEvent<TEvent>(NotificationFanout fanout, TimeProvider clock) : IEventHandler<TEvent>
    where TEvent : IIntegrationEvent, INotifiable
{
    public async Task HandleAsync(EventContext<TEvent> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var occurredAt = DateTimeOffset.TryParse(context.Envelope.Time, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : clock.GetUtcNow();
        try
        {
            IReadOnlyList<NotificationEvent> events = [];
            await Reactions.RunAsync(
                context,
                async () =>
                {
                    FanoutReads reads;
                    (events, reads) = await fanout.LoadAsync([context.Event.ToNotification(context.Envelope.Id, occurredAt)]).ConfigureAwait(false);
                    return reads;
                },
                reads => fanout.Decide(events, reads, clock.GetUtcNow())).ConfigureAwait(false);
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException or MissingFactsException or NullReferenceException)
        {
            // The event lacks what its route or template names (a recipient's id, a fact): no retry can supply it.
            throw new PoisonEventException($"{TEvent.EventType} event {context.Envelope.Id} cannot be told: {error.Message}", error);
        }
    }
}
