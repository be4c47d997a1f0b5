using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.EventBus.Consuming;
using Pilot.EventBus.Diagnostics;
using Pilot.EventBus.Envelope;
using StackExchange.Redis;

namespace Pilot.EventBus.Redis;

/// <summary>
/// Redis Streams mode: one loop reads every subscribed topic with XREADGROUP BLOCK on a connection of
/// its own, hands entries to the dispatcher, and between reads reclaims messages left pending by
/// failures or by crashed instances.
/// </summary>
internal sealed partial class RedisStreamConsumer(
    IConnectionMultiplexer redis,
    SubscriptionRegistry registry,
    EventDispatcher dispatcher,
    DeadLetterWriter deadLetters,
    IOptions<EventBusOptions> options,
    EventBusStatus status,
    EventBusTelemetry telemetry,
    TimeProvider clock,
    ILogger<RedisStreamConsumer> logger) : BackgroundService
{
    public const string LoopName = "redis-consumer";
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Transport != EventBusTransport.RedisStreams || registry.Topics.Count == 0)
        {
            return;
        }

        status.LoopRunning(LoopName);
        try
        {
            await using var reader = await ConnectReaderAsync(settings);
            await ConsumeAsync(settings, reader.GetDatabase(), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            status.LoopDied(LoopName, ex);
            LogConsumerDied(ex);
        }
    }

    private async Task ConsumeAsync(EventBusOptions settings, IDatabase reader, CancellationToken stoppingToken)
    {
        await ConsumerGroups.EnsureAsync(redis.GetDatabase(), settings.AppId, registry.Topics);
        var readArgs = XReadGroupCommand.Arguments(settings.AppId, settings.ConsumerName, settings.ReadBatchSize, settings.ReadBlockTime, registry.Topics);

        // Reclaim at once: a restarted instance should pick up what its predecessor left behind.
        var nextClaim = clock.GetUtcNow();
        BatchInFlight? inFlight = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (clock.GetUtcNow() >= nextClaim)
                    {
                        await SettleAsync(settings, TakeInFlight(ref inFlight), stoppingToken);
                        await ReclaimAsync(settings, stoppingToken);
                        nextClaim = clock.GetUtcNow() + settings.ClaimInterval;
                    }

                    var reply = await reader.ExecuteAsync("XREADGROUP", readArgs).WaitAsync(stoppingToken);
                    var entries = XReadGroupCommand.Parse(reply);
                    inFlight = await HandleAllAsync(settings, entries, TakeInFlight(ref inFlight), stoppingToken);
                }
                catch (RedisServerException ex) when (ex.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
                {
                    // The stream or group was deleted under us (FLUSHALL, manual cleanup): recreate and go on.
                    await ObserveAsync(TakeInFlight(ref inFlight));
                    await ConsumerGroups.EnsureAsync(redis.GetDatabase(), settings.AppId, registry.Topics);
                }
                catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
                {
                    await ObserveAsync(TakeInFlight(ref inFlight));
                    LogRedisUnavailable(ex);
                    await Task.Delay(ReconnectDelay, clock, stoppingToken);
                }
            }
        }
        finally
        {
            // Stopping: the last commit completes (its after-commit actions run); were it refused, its entries stay
            // pending and come back through the reclaim, as any unfinished delivery does.
            await ObserveAsync(TakeInFlight(ref inFlight));
        }
    }

    /// <summary>
    /// With batch commits, a batch's commit is left running while the next batch is read and prepared (its marker
    /// lookup and its handlers run), and is awaited only before that next batch commits: commits stay in order and the
    /// consumer does not sit idle while Redis runs a script. Returns the batch now committing, if any.
    /// </summary>
    private async Task<BatchInFlight?> HandleAllAsync(EventBusOptions settings, List<ReceivedEntry> entries, BatchInFlight? previous, CancellationToken cancellationToken)
    {
        if (settings.CommitInBatches && entries.Count > 1)
        {
            PreparedBatch? prepared;
            try
            {
                // Sent after the previous batch's script on the same connection, the lookup and the handlers' reads see what it wrote.
                prepared = await PrepareBatchAsync(settings, entries, cancellationToken);
            }
            catch
            {
                await ObserveAsync(previous);
                throw;
            }

            bool previousCommitted;
            try
            {
                previousCommitted = await SettleAsync(settings, previous, cancellationToken);
            }
            catch
            {
                if (prepared is not null)
                {
                    await prepared.DisposeAsync();
                }

                throw;
            }

            if (!previousCommitted && prepared is not null)
            {
                // The previous batch went back one event at a time: its handlers' writes landed only now, so prepare again.
                await prepared.DisposeAsync();
                prepared = await PrepareBatchAsync(settings, entries, cancellationToken);
            }

            if (prepared is not null)
            {
                return new BatchInFlight(entries, CommitBatchAsync(settings, prepared));
            }
        }
        else
        {
            await SettleAsync(settings, previous, cancellationToken);
        }

        await HandleEachAsync(settings, entries, cancellationToken);
        return null;
    }

    /// <summary>Waits for a batch's commit; if a handler's condition refused it, handles its events one at a time. False then.</summary>
    private async Task<bool> SettleAsync(EventBusOptions settings, BatchInFlight? batch, CancellationToken cancellationToken)
    {
        if (batch is null || await batch.Commit)
        {
            return true;
        }

        await HandleEachAsync(settings, batch.Entries, cancellationToken);
        return false;
    }

    /// <summary>Lets a commit finish without acting on its outcome: whatever it did not acknowledge is reclaimed later.</summary>
    private async Task ObserveAsync(BatchInFlight? batch)
    {
        if (batch is null)
        {
            return;
        }

        try
        {
            await batch.Commit;
        }
        catch (Exception ex)
        {
            LogCommitAbandoned(ex);
        }
    }

    private static BatchInFlight? TakeInFlight(ref BatchInFlight? inFlight)
    {
        var batch = inFlight;
        inFlight = null;
        return batch;
    }

    /// <summary>
    /// One event at a time (or <see cref="EventBusOptions.HandlerConcurrency"/> at once), each committing on its own;
    /// the markers of the whole read batch are looked up in one MGET first instead of one lookup per event.
    /// </summary>
    private async Task HandleEachAsync(EventBusOptions settings, List<ReceivedEntry> entries, CancellationToken cancellationToken)
    {
        var deliveries = await ReadDeliveriesAsync(settings, entries);
        if (settings.HandlerConcurrency <= 1 || deliveries.Length <= 1)
        {
            // In order, but without waiting for each commit's answer before the next handler runs: the commits apply in
            // order, and a handler's reads follow the commit before it on the connection (see EventDispatcher.BeginAsync).
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

            await Task.WhenAll(finishing);
            return;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.HandlerConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(deliveries, parallel, (delivery, ct) => new ValueTask(HandleAsync(settings, delivery, attempt: 1, ct)));
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

        var markers = new RedisKey[firsts.Count];
        for (var f = 0; f < firsts.Count; f++)
        {
            markers[f] = EventBusKeys.HandledMarker(settings.AppId, deliveries[firsts[f]].Envelope!.Id);
        }

        var found = await redis.GetDatabase().StringGetAsync(markers);
        for (var f = 0; f < firsts.Count; f++)
        {
            deliveries[firsts[f]] = deliveries[firsts[f]] with { HandledBefore = !found[f].IsNull };
        }

        return deliveries;
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

    /// <summary>
    /// The batch fast path, first half: one pipelined marker lookup (so handlers of events already handled do not run),
    /// then every handler, their writes gathered with each event's marker into as few scripts as the key limit allows
    /// (<see cref="HandledEventsCommit"/>). Null when anything goes wrong; nothing was written then, and the caller
    /// handles the batch one event at a time.
    /// </summary>
    private async Task<PreparedBatch?> PrepareBatchAsync(EventBusOptions settings, List<ReceivedEntry> entries, CancellationToken cancellationToken)
    {
        var envelopes = new List<CloudEventEnvelope>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry.Data.IsNull)
            {
                return null;
            }

            try
            {
                envelopes.Add(EnvelopeJson.Deserialize((byte[])entry.Data!));
            }
            catch (PoisonEventException)
            {
                return null;
            }
        }

        var db = redis.GetDatabase();
        var markers = new string[envelopes.Count];
        var markerKeys = new RedisKey[envelopes.Count];
        for (var i = 0; i < envelopes.Count; i++)
        {
            markers[i] = EventBusKeys.HandledMarker(settings.AppId, envelopes[i].Id);
            markerKeys[i] = markers[i];
        }

        var handledAlready = await db.StringGetAsync(markerKeys);
        var batch = new PreparedBatch(dispatcher.CreateBatchScope());
        var prepared = false;
        try
        {
            var chunk = batch.StartChunk(settings.DedupeRetention);
            var topics = entries.Select(e => e.Topic).Distinct(StringComparer.Ordinal).Count();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < entries.Count; i++)
            {
                var (entry, envelope) = (entries[i], envelopes[i]);
                var subscription = registry.Find(entry.Topic, envelope.Type);
                if (subscription is null || !handledAlready[i].IsNull || !seen.Add(envelope.Id))
                {
                    chunk.Covered.Add(entry);
                    continue;
                }

                var writes = chunk.Commit.Add(markers[i]);
                var afterCommit = new List<Action>();
                try
                {
                    await dispatcher.InvokeInBatchAsync(batch.Scope.ServiceProvider, subscription, entry.Topic, envelope, db, writes, afterCommit, cancellationToken);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    return null;
                }

                // The script counts keys in single bytes: a batch whose handlers touch more commits in several scripts,
                // each atomic for the events it holds. An event too large for a script of its own goes one at a time.
                // Counted as an upper bound (one key per step and marker), so the split may come a little early.
                var eventKeys = 1 + writes.KeyBound;
                if (chunk.Keys + eventKeys + topics > ScriptPlan.MaxKeys)
                {
                    var (marker, steps) = chunk.Commit.RemoveLast();
                    if (chunk.Commit.Count == 0)
                    {
                        return null;
                    }

                    chunk = batch.StartChunk(settings.DedupeRetention);
                    chunk.Commit.Add(marker, steps);
                }

                chunk.Keys += eventKeys;

                chunk.Handled.Add((entry.Topic, envelope.Type, afterCommit));
                chunk.Covered.Add(entry);
            }

            prepared = true;
            return batch;
        }
        finally
        {
            // Not handed to a commit (a handler failed, the batch cannot be committed this way, or we are stopping).
            if (!prepared)
            {
                await batch.DisposeAsync();
            }
        }
    }

    /// <summary>The batch fast path, second half: its scripts in order. False when a handler's condition failed.</summary>
    private async Task<bool> CommitBatchAsync(EventBusOptions settings, PreparedBatch batch)
    {
        await using (batch)
        {
            var db = redis.GetDatabase();
            foreach (var chunk in batch.Chunks)
            {
                if (!await CommitChunkAsync(settings, chunk, db))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Commits a chunk of a batch with the XACKs of every entry it covers; false when a handler's condition failed.</summary>
    private async Task<bool> CommitChunkAsync(EventBusOptions settings, BatchChunk chunk, IDatabase db)
    {
        foreach (var topic in chunk.Covered.GroupBy(e => e.Topic))
        {
            foreach (var ids in topic.Select(e => e.Id).Chunk(byte.MaxValue - 1))
            {
                chunk.Commit.Transport.Write("XACK", topic.Key, [settings.AppId, .. ids]);
            }
        }

        if (await chunk.Commit.ExecuteAsync(db) is not { } applied)
        {
            return false;
        }

        for (var i = 0; i < chunk.Handled.Count; i++)
        {
            if (applied[i])
            {
                chunk.Handled[i].AfterCommit.ForEach(action => action());
                telemetry.Handled(chunk.Handled[i].Topic, chunk.Handled[i].Type);
            }
        }

        return true;
    }

    /// <summary>A read batch whose commit was sent.</summary>
    private sealed record BatchInFlight(List<ReceivedEntry> Entries, Task<bool> Commit);

    /// <summary>A read batch whose handlers ran, in the scripts that will commit it; its DI scope lives until it committed.</summary>
    private sealed class PreparedBatch(AsyncServiceScope scope) : IAsyncDisposable
    {
        public AsyncServiceScope Scope => scope;

        public List<BatchChunk> Chunks { get; } = [];

        public BatchChunk StartChunk(TimeSpan retention)
        {
            var chunk = new BatchChunk(new HandledEventsCommit(retention));
            Chunks.Add(chunk);
            return chunk;
        }

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }

    /// <summary>Part of a read batch committed in one script: its handled events and every entry it acknowledges.</summary>
    private sealed record BatchChunk(HandledEventsCommit Commit)
    {
        /// <summary>Upper bound of the keys its handlers' steps and markers name.</summary>
        public int Keys { get; set; }

        public List<(string Topic, string Type, List<Action> AfterCommit)> Handled { get; } = [];

        public List<ReceivedEntry> Covered { get; } = [];
    }

    /// <summary>XPENDING + XCLAIM: retries messages idle past their backoff, whoever held them.</summary>
    private async Task ReclaimAsync(EventBusOptions settings, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var minIdle = (long)settings.ProcessingTimeout.TotalMilliseconds;
        foreach (var topic in registry.Topics)
        {
            var pending = await db.StreamPendingMessagesAsync(topic, settings.AppId, settings.ReadBatchSize, RedisValue.Null, minIdleTimeInMs: minIdle);
            foreach (var message in pending)
            {
                var due = (long)settings.RetryDelayAfter(message.DeliveryCount).TotalMilliseconds;
                if (message.IdleTimeInMilliseconds < due)
                {
                    continue;
                }

                // XCLAIM re-checks the idle time, so two instances reclaiming at once cannot both win.
                var claimed = await db.StreamClaimAsync(topic, settings.AppId, settings.ConsumerName, due, [message.MessageId]);
                foreach (var entry in claimed.Where(e => !e.IsNull))
                {
                    await HandleAsync(settings, ReceivedEntry.From(topic, entry), message.DeliveryCount + 1, cancellationToken);
                }
            }
        }
    }

    private async Task<ConnectionMultiplexer> ConnectReaderAsync(EventBusOptions settings)
    {
        var config = ConfigurationOptions.Parse(redis.Configuration);
        config.ClientName = $"{settings.AppId}-eventbus-reader";
        var minimumTimeout = (int)(settings.ReadBlockTime + TimeSpan.FromSeconds(5)).TotalMilliseconds;
        config.AsyncTimeout = Math.Max(config.AsyncTimeout, minimumTimeout);
        config.SyncTimeout = Math.Max(config.SyncTimeout, minimumTimeout);
        config.AbortOnConnectFail = false;
        // As the services' own connection (AddPilotRedisClient): socket work on the .NET thread pool, not on ten more threads.
        config.SocketManager = SocketManager.ThreadPool;
        return await ConnectionMultiplexer.ConnectAsync(config);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unavailable to the event consumer; retrying")]
    private partial void LogRedisUnavailable(Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch commit did not complete; its entries stay pending and are reclaimed")]
    private partial void LogCommitAbandoned(Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery did not finish; its entry stays pending and is reclaimed")]
    private partial void LogDeliveryAbandoned(Exception error);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The event consumer loop stopped")]
    private partial void LogConsumerDied(Exception error);
}
