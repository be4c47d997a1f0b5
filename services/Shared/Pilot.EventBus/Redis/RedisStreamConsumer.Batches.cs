using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pilot.EventBus.Consuming;
using StackExchange.Redis;
using Pilot.Storage;

namespace Pilot.EventBus.Redis;

/// <summary>The batch path (<see cref="EventBusOptions.CommitInBatches"/>): batches prepared while the one before commits.</summary>
internal sealed partial class RedisStreamConsumer
{
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
        else if (!settings.CommitInBatches && settings.HandlerConcurrency <= 1)
        {
            return await BeginNextInOrderAsync(settings, entries, previous, cancellationToken);
        }
        else
        {
            await SettleAsync(settings, previous, cancellationToken);
        }

        await HandleEachAsync(settings, entries, cancellationToken);
        return null;
    }

    /// <summary>
    /// One event at a time, in order, across read batches too: this batch's marker lookup and handlers go out on the
    /// shared connection after the previous batch's commits, so they see what those wrote without waiting for their
    /// answers; the previous batch is settled (its answers awaited, failures surfaced) once this one's commits are sent.
    /// Its commits can never be refused as a whole, so nothing has to be handled again.
    /// </summary>
    private async Task<BatchInFlight> BeginNextInOrderAsync(
        EventBusOptions settings, List<ReceivedEntry> entries, BatchInFlight? previous, CancellationToken cancellationToken)
    {
        Task finishing;
        try
        {
            finishing = await BeginInOrderAsync(settings, await ReadDeliveriesAsync(settings, entries), cancellationToken);
        }
        catch
        {
            await ObserveAsync(previous);
            throw;
        }

        var sent = new BatchInFlight(entries, AnsweredAsync(finishing));
        try
        {
            await SettleAsync(settings, previous, cancellationToken);
        }
        catch
        {
            await ObserveAsync(sent);
            throw;
        }

        return sent;
    }

    private static async Task<bool> AnsweredAsync(Task finishing)
    {
        await finishing;
        return true;
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

    /// <summary>
    /// The batch fast path, first half: one pipelined marker lookup (so handlers of events already handled do not run),
    /// then every handler, their writes gathered with each event's marker into as few scripts as the key limit allows
    /// (<see cref="HandledEventsCommit"/>). Null when anything goes wrong; nothing was written then, and the caller
    /// handles the batch one event at a time.
    /// </summary>
    private async Task<PreparedBatch?> PrepareBatchAsync(EventBusOptions settings, List<ReceivedEntry> entries, CancellationToken cancellationToken)
    {
        var envelopes = new CloudEventEnvelope[entries.Count];
        var markers = new string[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            // An unreadable entry is dead-lettered by the one-at-a-time path.
            if (Delivery.Read(entries[i]).Envelope is not { } envelope)
            {
                return null;
            }

            envelopes[i] = envelope;
            markers[i] = EventBusKeys.HandledMarker(settings.AppId, envelope.Id);
        }

        var db = redis.GetDatabase();
        var handledAlready = await MarkersExistAsync(markers);
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
                if (subscription is null || handledAlready[i] || !seen.Add(envelope.Id))
                {
                    chunk.Covered.Add(entry);
                    continue;
                }

                var writes = chunk.Commit.Add(markers[i]);
                var afterCommit = new List<Action>();
                try
                {
                    await dispatcher.InvokeInBatchAsync(batch.Scope.ServiceProvider, subscription, entry.Topic, envelope, writes, afterCommit, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch commit did not complete; its entries stay pending and are reclaimed")]
    private partial void LogCommitAbandoned(Exception error);
}
