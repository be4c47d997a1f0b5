using global::Dapr.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.EventBus.Diagnostics;
using Pilot.EventBus.Envelope;
using Pilot.EventBus.Publishing;
using Pilot.EventBus.Redis;
using StackExchange.Redis;

namespace Pilot.EventBus.Dapr;

/// <summary>
/// Dapr mode: drains the app's outbox stream into daprd, in commit order, deleting an entry only
/// after daprd accepted it. A crash in between republishes the entry with the same id, which the
/// idempotent consumers ignore.
/// </summary>
internal sealed partial class DaprOutboxRelay(
    IConnectionMultiplexer redis,
    IServiceProvider services,
    IOptions<EventBusOptions> options,
    OutboxRelaySignal signal,
    EventBusTelemetry telemetry,
    EventBusStatus status,
    ILogger<DaprOutboxRelay> logger) : BackgroundService
{
    public const string LoopName = "outbox-relay";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Transport != EventBusTransport.Dapr)
        {
            return;
        }

        // Resolved late so that Redis-only services never need a DaprClient.
        var dapr = services.GetService(typeof(DaprClient)) as DaprClient
            ?? throw new InvalidOperationException("Dapr transport needs a DaprClient; AddPilotEventBus registers one.");
        status.LoopRunning(LoopName);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var relayed = 0;
                try
                {
                    relayed = await RelayBatchAsync(dapr, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRelayFailed(ex);
                }

                if (relayed < settings.RelayBatchSize)
                {
                    await signal.WaitAsync(settings.RelayPollInterval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            status.LoopDied(LoopName, ex);
            LogRelayDied(ex);
        }
    }

    /// <summary>Publishes up to one batch; stops at the first failure so that order is kept.</summary>
    internal async Task<int> RelayBatchAsync(DaprClient dapr, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var outbox = EventBusKeys.Outbox(settings.AppId);
        var db = redis.GetDatabase();
        var entries = await db.StreamRangeAsync(outbox, "-", "+", settings.RelayBatchSize);
        foreach (var entry in entries)
        {
            var envelope = TryRead(entry);
            if (envelope is not null)
            {
                await dapr.PublishEventAsync(settings.PubsubName, envelope.Topic, envelope.Data, DaprPublishMetadata.For(envelope), cancellationToken);
                telemetry.Published(envelope.Topic, envelope.Type);
            }

            await db.StreamDeleteAsync(outbox, [entry.Id]);
        }

        return entries.Length;
    }

    private CloudEventEnvelope? TryRead(StreamEntry entry)
    {
        try
        {
            var data = entry[StreamFields.Data];
            return data.IsNull ? throw new PoisonEventException("The outbox entry has no data field.") : EnvelopeJson.Deserialize((byte[])data!);
        }
        catch (PoisonEventException ex)
        {
            // Only this library writes the outbox, so this is a bug; keeping the entry would block the relay forever.
            LogUnreadableEntry(ex, entry.Id.ToString());
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relaying the outbox to Dapr failed; will retry")]
    private partial void LogRelayFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The outbox relay stopped")]
    private partial void LogRelayDied(Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropped unreadable outbox entry {EntryId}")]
    private partial void LogUnreadableEntry(Exception error, string entryId);
}
