using System.Globalization;
using Microsoft.Extensions.Options;
using Pilot.Commands;
using Pilot.EventBus;
using Pilot.Publication.Domain.Publicity;
using Pilot.Publication.IntegrationEvents;
using Pilot.Publication.Storage;
using Pilot.Scheduling;
using Pilot.SharedKernel;

namespace Pilot.Publication.Application;

/// <summary>
/// Starts the online publicity of a branch whose local filing was accepted (三.5, R5) and announces it on
/// <c>publication-events</c> for the information platform, in the commit that records it and schedules the window's close. Idempotent twice over: the
/// bus drops a redelivered envelope, and the domain opens nothing for a filing already in publicity.
/// </summary>
internal sealed class OpenPublicityOnFilingAccepted(PublicityStore store, IJobScheduler scheduler, IOptions<PublicationOptions> options, WorkingDayCalendar calendar)
    : IEventHandler<FilingAccepted>
{
    public Task HandleAsync(EventContext<FilingAccepted> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var accepted = context.Event;
        if (string.IsNullOrWhiteSpace(accepted.FilingId) || string.IsNullOrWhiteSpace(accepted.BranchId) || string.IsNullOrWhiteSpace(accepted.RegionCode))
        {
            throw new PoisonEventException($"filing-accepted event {context.Envelope.Id} names no filing, branch or region; it cannot be publicised");
        }

        // The acceptance's own time; an event without it is dated by its envelope, which daprd or the outbox always stamps.
        var acceptedAt = accepted.OccurredAt;
        if (acceptedAt == default && !DateTimeOffset.TryParse(context.Envelope.Time, CultureInfo.InvariantCulture, DateTimeStyles.None, out acceptedAt))
        {
            throw new PoisonEventException($"filing-accepted event {context.Envelope.Id} carries no time of acceptance; its publicity period cannot be set");
        }

        var filing = accepted.ToDomain(acceptedAt);
        return Reactions.RunAsync(
            context,
            () => store.ReadAsync(filing.FilingId),
            reads => PublicityOpening.Open(reads.Existing, filing, options.Value.PeriodFor(filing.AcceptedAt, calendar)) is { } opened
                ? Reaction.Apply(
                    writes =>
                    {
                        PublicityStore.Open(writes, opened);
                        scheduler.Schedule(writes, CloseWindow.KeyFor(opened.FilingId), opened.Period.ClosesAt, new CloseWindow(opened.FilingId));
                    },
                    new OutgoingEvent(PublicityScheduled.Topic, PublicityScheduled.EventType, PublicityScheduled.Of(opened)))
                : Reaction.None);
    }
}
