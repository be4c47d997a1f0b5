using Microsoft.Extensions.Options;
using Pilot.Commands;
using Pilot.FactCopies;
using Pilot.Notification.Domain.Deliveries;
using Pilot.Notification.Domain.Messages;
using Pilot.Notification.Domain.Parties;
using Pilot.Notification.Domain.Routing;
using Pilot.Notification.Domain.Templates;
using Pilot.Notification.Storage;
using Pilot.Scheduling;
using StackExchange.Redis;

namespace Pilot.Notification.Application;

/// <summary>
/// Turns events into messages: the routing table names the recipients, the template the text, and each recipient
/// gets one message (its id derived from the event and the recipient) in its inbox, plus a delivery on every other
/// channel it has, each scheduled as a job of its own so that a failing channel never holds up the others.
/// </summary>
internal sealed class NotificationFanout(
    IConnectionMultiplexer redis,
    RoutingTable routing,
    TemplateCatalog templates,
    InboxStore inbox,
    WebhookStore webhooks,
    IFactCopy<OrganisationContacts> contacts,
    IJobScheduler scheduler,
    IOptions<NotificationOptions> options,
    NotificationMetrics metrics,
    InboxSignal signal)
{
    /// <summary>Reads what the decision needs for <paramref name="events"/>: their sponsors, existing messages, and the recipients' channels.</summary>
    public async Task<(IReadOnlyList<NotificationEvent> Events, FanoutReads Reads)> LoadAsync(IReadOnlyList<NotificationEvent> events)
    {
        var withSponsors = new List<NotificationEvent>(events.Count);
        foreach (var evt in events)
        {
            withSponsors.Add(await WithSponsorsAsync(evt).ConfigureAwait(false));
        }

        var byEvent = withSponsors.SelectMany(e => routing.RecipientsOf(e).Select(p => (Event: e, Party: p))).ToList();
        var ids = byEvent.Select(x => MessageIds.For(x.Event.EventId, x.Party.Key)).ToList();
        var existing = await inbox.ExistingAsync(ids).ConfigureAwait(false);
        var parties = byEvent.Select(x => x.Party).Distinct().ToList();
        var hooks = await webhooks.FindManyAsync(parties).ConfigureAwait(false);
        var emails = await EmailAddressesAsync(parties).ConfigureAwait(false);
        return (withSponsors, new FanoutReads([.. ids.Distinct(StringComparer.Ordinal)], existing, hooks, emails));
    }

    /// <summary>The messages <paramref name="events"/> call for that do not exist yet, with their deliveries; nothing when all exist.</summary>
    public Reaction Decide(IReadOnlyList<NotificationEvent> events, FanoutReads reads, DateTimeOffset now)
    {
        var planned = new List<(InboxMessage Message, IReadOnlyList<Delivery> Deliveries)>();
        foreach (var evt in events)
        {
            var route = routing.Find(evt.EventType);
            if (route is null)
            {
                continue;
            }

            // Rendered once per event: every recipient reads the same text. A missing fact throws (the tests render every template).
            var text = templates.Get(route.Template).Render(evt.Facts);
            foreach (var party in routing.RecipientsOf(evt))
            {
                var id = MessageIds.For(evt.EventId, party.Key);
                if (reads.Exists(id) || planned.Any(p => p.Message.MessageId == id))
                {
                    continue;
                }

                var message = new InboxMessage(id, party.Key, evt.EventId, evt.EventType, evt.About, text.Subject, text.Body, now, evt.OccurredAt);
                planned.Add((message, DeliveriesOf(message, party, reads, now)));
            }
        }

        if (planned.Count == 0)
        {
            return Reaction.None;
        }

        return Reaction.Apply(writes =>
        {
            foreach (var (message, deliveries) in planned)
            {
                InboxStore.Add(writes, message, deliveries);
                foreach (var delivery in deliveries.Where(d => d.Status == DeliveryStatus.Created))
                {
                    scheduler.Schedule(writes, DeliverMessage.KeyFor(message.MessageId, delivery.Channel), now, new DeliverMessage(message.MessageId, delivery.Channel));
                }
            }

            writes.OnCommitted(() =>
            {
                foreach (var group in planned.GroupBy(p => p.Message.EventType))
                {
                    metrics.Created(group.Key, group.Count());
                }

                foreach (var (message, _) in planned)
                {
                    metrics.Attempted(Channel.Inbox, DeliveryStatus.Delivered);
                    metrics.Delivered(Channel.Inbox, now - message.EventAt);
                    signal.Notify(message.Recipient);
                }
            });
        });
    }

    private List<Delivery> DeliveriesOf(InboxMessage message, Party party, FanoutReads reads, DateTimeOffset now)
    {
        List<Delivery> deliveries = [Delivery.InInbox(message.MessageId, party.Key, now)];
        if (reads.WebhookOf(party) is { } hook)
        {
            deliveries.Add(Delivery.Create(message.MessageId, party.Key, Channel.Webhook, hook.Url, now));
        }

        var addresses = reads.EmailOf(party);
        if (options.Value.Email.Enabled && addresses.Count > 0)
        {
            deliveries.Add(Delivery.Create(message.MessageId, party.Key, Channel.Email, string.Join(", ", addresses), now));
        }

        return deliveries;
    }

    private async Task<NotificationEvent> WithSponsorsAsync(NotificationEvent evt)
    {
        if (evt.Lists.ContainsKey(RoutingTable.SponsorsList) || !evt.Facts.TryGetValue("organisationId", out var organisationId) || string.IsNullOrEmpty(organisationId))
        {
            return evt;
        }

        var sponsors = await redis.GetDatabase().HashKeysAsync(NotificationKeys.SponsorsOf(organisationId)).ConfigureAwait(false);
        return evt.WithList(RoutingTable.SponsorsList, [.. sponsors.Select(s => s.ToString()).Order(StringComparer.Ordinal)]);
    }

    private async Task<Dictionary<Party, IReadOnlyList<string>>> EmailAddressesAsync(IReadOnlyList<Party> parties)
    {
        var found = new Dictionary<Party, IReadOnlyList<string>>();
        if (!options.Value.Email.Enabled)
        {
            return found;
        }

        var organisations = parties.Where(p => p.Kind == PartyKind.Organisation).ToList();
        var copies = organisations.Count == 0 ? new Dictionary<string, OrganisationContacts>() : await contacts.FindManyAsync(organisations.Select(p => p.Id)).ConfigureAwait(false);
        foreach (var party in parties)
        {
            if (party.Kind == PartyKind.Organisation && copies.TryGetValue(party.Id, out var copy) && copy.Emails.Count > 0)
            {
                found[party] = copy.Emails;
            }
            else if (options.Value.Email.Addresses.TryGetValue(party.Key.Replace(':', '-'), out var configured) && !string.IsNullOrWhiteSpace(configured))
            {
                found[party] = [configured];
            }
        }

        return found;
    }
}
