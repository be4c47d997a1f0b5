using System.Globalization;
using Microsoft.Extensions.Options;
using Pilot.Commands;
using Pilot.EventBus;
using Pilot.Publication.Domain.Publicity;
using Pilot.Publication.Facts;
using Pilot.Publication.IntegrationEvents;
using Pilot.Publication.Storage;
using Pilot.Scheduling;
using Pilot.SharedKernel;

namespace Pilot.Publication.Application;

/// <summary>
/// Starts the online publicity of a branch whose local filing was accepted (三.5, R5), and of its organisation the first
/// time one of its branches is accepted in the batch, and announces each on <c>publication-events</c> in the commit
/// that records it and schedules its window's close. Idempotent twice over: the bus drops a redelivered envelope, and
/// the domain opens nothing for an entry already in publicity.
/// </summary>
internal sealed class OpenPublicityOnFilingAccepted(
    PublicityStore store, PublicListings listings, IJobScheduler scheduler, IOptions<PublicationOptions> options, WorkingDayCalendar calendar)
    : IEventHandler<FilingAccepted>
{
    public async Task HandleAsync(EventContext<FilingAccepted> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var accepted = context.Event;
        if (!RecordIds.IsWellFormed(accepted.BatchId) || !RecordIds.IsWellFormed(accepted.BranchId) || !RecordIds.IsWellFormed(accepted.OrganisationId)
            || string.IsNullOrWhiteSpace(accepted.FilingId) || string.IsNullOrWhiteSpace(accepted.RegionCode))
        {
            throw new PoisonEventException($"filing-accepted event {context.Envelope.Id} names no well-formed filing, batch, branch, organisation or region; it cannot be publicised");
        }

        // The acceptance's own time; an event without it is dated by its envelope, which daprd or the outbox always stamps.
        var acceptedAt = accepted.OccurredAt;
        if (acceptedAt == default && !DateTimeOffset.TryParse(context.Envelope.Time, CultureInfo.InvariantCulture, DateTimeStyles.None, out acceptedAt))
        {
            throw new PoisonEventException($"filing-accepted event {context.Envelope.Id} carries no time of acceptance; its publicity period cannot be set");
        }

        var filing = accepted.ToDomain(acceptedAt);
        var period = options.Value.PeriodFor(filing.AcceptedAt, calendar);
        var (branchListing, organisationListing) = await listings.ForAsync(filing, cancellationToken);
        var branchEntryId = EntryIds.ForBranch(filing.BatchId, filing.BranchId);
        var organisationEntryId = EntryIds.ForOrganisation(filing.BatchId, filing.OrganisationId);
        await Reactions.RunAsync(
            context,
            () => store.ReadAsync(branchEntryId, organisationEntryId),
            reads =>
            {
                var opened = new[]
                {
                    PublicityOpening.OpenOrganisation(reads[organisationEntryId], filing, organisationListing, period),
                    PublicityOpening.OpenBranch(reads[branchEntryId], filing, branchListing, period),
                }.OfType<PublicityEntry>().ToList();
                return opened.Count == 0
                    ? Reaction.None
                    : Reaction.Apply(
                        writes =>
                        {
                            foreach (var entry in opened)
                            {
                                PublicityStore.Write(writes, entry);
                                scheduler.Schedule(writes, CloseWindow.KeyFor(entry.EntryId), entry.Period.ClosesAt, new CloseWindow(entry.EntryId));
                            }
                        },
                        opened.Select(entry => new OutgoingEvent(PublicityScheduled.Topic, PublicityScheduled.EventType, PublicityScheduled.Of(entry))).ToList());
            });
    }
}
