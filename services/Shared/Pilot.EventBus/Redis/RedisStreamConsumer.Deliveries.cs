using Microsoft.Extensions.Logging;
using Pilot.EventBus.Consuming;
using Pilot.EventBus.Envelope;
using StackExchange.Redis;

namespace Pilot.EventBus.Redis;

/// <summary>One delivery at a time (or a few at once), each committing on its own.</summary>
internal sealed partial class RedisStreamConsumer
{
    /// <summary>
    /// One event at a time (or <see cref="EventBusOptions.HandlerConcurrency"/> at once), each committing on its own;
    /// the markers of the whole read batch are looked up in one MGET first instead of one lookup per event.
    /// </summary>
    private async Task HandleEachAsync(EventBusOptions settings, List<ReceivedEntry> entries, CancellationToken cancellationToken)
    {
        var deliveries = await ReadDeliveriesAsync(settings, entries);
        if (settings.HandlerConcurrency <= 1 || deliveries.Length <= 1)
        {
            await await BeginInOrderAsync(settings, deliveries, cancellationToken);
            return;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.HandlerConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(deliveries, parallel, (delivery, ct) => new ValueTask(HandleAsync(settings, delivery, attempt: 1, ct)));
    }

    /// <summary>
    /// In order, but without waiting for each commit's answer before the next handler runs: the commits apply in order,
    /// and a handler's reads follow the commit before it on the connection (see EventDispatcher.BeginAsync). Returns
    /// once every commit is sent; the task returned finishes when all are answered.
    /// </summary>
    private async Task<Task> BeginInOrderAsync(EventBusOptions settings, Delivery[] deliveries, CancellationToken cancellationToken)
    {
        var finishing = new List<Task>(deliveries.Length);
        try
        {
            foreach (var delivery in deliveries)
            {
                finishing.Add(await BeginHandleAsync(settings, delivery, attempt: 1, cancellationToken));
            }
        }
        catch
        {
            await ObserveAllAsync(finishing);
            throw;
        }

        return Task.WhenAll(finishing);
    }

    /// <summary>Waits for deliveries already begun when the loop is leaving for another reason, which is the one reported.</summary>
    private async Task ObserveAllAsync(List<Task> finishing)
    {
        foreach (var task in finishing)
        {
            try
            {
                await task;
            }
            catch (Exception ex)
            {
                LogDeliveryAbandoned(ex);
            }
        }
    }

    /// <summary>
    /// Parses each entry and, for the first entry of each event id, whether its marker existed when looked up. A
    /// repeated id is left unknown: the earlier entry may have been handled by the time its turn comes.
    /// </summary>
    private async Task<Delivery[]> ReadDeliveriesAsync(EventBusOptions settings, List<ReceivedEntry> entries)
    {
        var deliveries = new Delivery[entries.Count];
        var firsts = new List<int>(entries.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            deliveries[i] = Delivery.Read(entries[i]);
            if (deliveries[i].Envelope is { } envelope && ids.Add(envelope.Id))
            {
                firsts.Add(i);
            }
        }

        if (firsts.Count == 0)
        {
            return deliveries;
        }

        var markers = new string[firsts.Count];
        for (var f = 0; f < firsts.Count; f++)
        {
            markers[f] = EventBusKeys.HandledMarker(settings.AppId, deliveries[firsts[f]].Envelope!.Id);
        }

        var found = await MarkersExistAsync(markers);
        for (var f = 0; f < firsts.Count; f++)
        {
            deliveries[firsts[f]] = deliveries[firsts[f]] with { HandledBefore = found[f] };
        }

        return deliveries;
    }

    /// <summary>One MGET for a read batch's dedupe markers: whether each exists.</summary>
    private async Task<bool[]> MarkersExistAsync(string[] markers)
    {
        var keys = new RedisKey[markers.Length];
        for (var i = 0; i < markers.Length; i++)
        {
            keys[i] = markers[i];
        }

        var values = await redis.GetDatabase().StringGetAsync(keys);
        return Array.ConvertAll(values, value => !value.IsNull);
    }

    private Task HandleAsync(EventBusOptions settings, ReceivedEntry entry, long attempt, CancellationToken cancellationToken) =>
        HandleAsync(settings, Delivery.Read(entry), attempt, cancellationToken);

    private async Task HandleAsync(EventBusOptions settings, Delivery delivery, long attempt, CancellationToken cancellationToken) =>
        await await BeginHandleAsync(settings, delivery, attempt, cancellationToken);

    /// <summary>Runs the delivery's handler and sends its commit; the returned task finishes the delivery once Redis answered.</summary>
    private async Task<Task> BeginHandleAsync(EventBusOptions settings, Delivery delivery, long attempt, CancellationToken cancellationToken)
    {
        var entry = delivery.Entry;
        if (delivery.Envelope is not { } envelope)
        {
            await deadLetters.MoveAsync(entry, eventType: "unknown", attempt, delivery.Unreadable!);
            return Task.CompletedTask;
        }

        var outcome = delivery.HandledBefore == true
            ? Task.FromResult(DispatchOutcome.Duplicate)
            : await dispatcher.BeginAsync(
                entry.Topic,
                envelope,
                writes => writes.Write("XACK", entry.Topic, settings.AppId, entry.Id),
                markerLookedUp: delivery.HandledBefore == false,
                cancellationToken);
        return FinishHandleAsync(settings, entry, envelope, attempt, outcome);
    }

    private async Task FinishHandleAsync(EventBusOptions settings, ReceivedEntry entry, CloudEventEnvelope envelope, long attempt, Task<DispatchOutcome> outcomeTask)
    {
        var outcome = await outcomeTask;
        switch (outcome.Kind)
        {
            case DispatchOutcomeKind.Duplicate or DispatchOutcomeKind.Ignored:
                await redis.GetDatabase().StreamAcknowledgeAsync(entry.Topic, settings.AppId, entry.Id);
                break;
            case DispatchOutcomeKind.Poison:
                await deadLetters.MoveAsync(entry, envelope.Type, attempt, outcome.Error!);
                break;
            case DispatchOutcomeKind.Retry when attempt >= settings.MaxDeliveryAttempts:
                await deadLetters.MoveAsync(entry, envelope.Type, attempt, outcome.Error!);
                break;
            case DispatchOutcomeKind.Retry:
                // Left pending on purpose: ReclaimAsync delivers it again after the backoff.
                break;
        }
    }

    /// <summary>An entry as read: its envelope or why it has none, and whether its event was handled before (null: not looked up).</summary>
    private sealed record Delivery(ReceivedEntry Entry, CloudEventEnvelope? Envelope, PoisonEventException? Unreadable, bool? HandledBefore = null)
    {
        public static Delivery Read(ReceivedEntry entry)
        {
            try
            {
                return entry.Data.IsNull
                    ? throw new PoisonEventException($"Entry {entry.Id} on {entry.Topic} has no '{StreamFields.Data}' field.")
                    : new Delivery(entry, EnvelopeJson.Deserialize((byte[])entry.Data!), null);
            }
            catch (PoisonEventException ex)
            {
                return new Delivery(entry, null, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery did not finish; its entry stays pending and is reclaimed")]
    private partial void LogDeliveryAbandoned(Exception error);
}
