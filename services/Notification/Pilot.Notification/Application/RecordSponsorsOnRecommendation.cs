using System.Globalization;
using Pilot.Commands;
using Pilot.EventBus;
using Pilot.Notification.Domain.Routing;
using Pilot.Notification.IntegrationEvents;
using Pilot.Notification.Storage;
using StackExchange.Redis;

namespace Pilot.Notification.Application;

/// <summary>
/// A department recommended organisations (三.1): Notification remembers it as their sponsor (filing outcomes are told
/// to the organisation and its sponsors) and tells the recommended organisations, in one commit.
/// </summary>
internal sealed class RecordSponsorsOnRecommendation(NotificationFanout fanout, TimeProvider clock) : IEventHandler<OrganisationsRecommended>
{
    public async Task HandleAsync(EventContext<OrganisationsRecommended> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var recommended = context.Event;
        if (string.IsNullOrWhiteSpace(recommended.DepartmentId))
        {
            throw new PoisonEventException($"organisations-recommended event {context.Envelope.Id} names no department");
        }

        var occurredAt = DateTimeOffset.TryParse(context.Envelope.Time, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : clock.GetUtcNow();
        IReadOnlyList<NotificationEvent> events = [];
        await Reactions.RunAsync(
            context,
            async () =>
            {
                FanoutReads reads;
                (events, reads) = await fanout.LoadAsync([recommended.ToNotification(context.Envelope.Id, occurredAt)]).ConfigureAwait(false);
                return reads;
            },
            reads =>
            {
                var messages = fanout.Decide(events, reads, clock.GetUtcNow());
                return Reaction.Apply(writes =>
                {
                    // Recording a sponsor twice changes nothing, so this write needs no condition of its own.
                    foreach (var organisation in recommended.Organisations ?? [])
                    {
                        writes.HashSet(NotificationKeys.SponsorsOf(organisation.OrganisationId), new HashEntry(recommended.DepartmentId, recommended.BatchId));
                    }

                    messages.Writes?.Invoke(writes);
                });
            }).ConfigureAwait(false);
    }
}
