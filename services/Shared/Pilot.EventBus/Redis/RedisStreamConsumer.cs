using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.EventBus.Consuming;
using Pilot.EventBus.Diagnostics;
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
        await EnsureGroupsAsync(settings, stoppingToken);
        var readArgs = XReadGroupCommand.Arguments(settings.AppId, settings.ConsumerName, settings.ReadBatchSize, settings.ReadBlockTime, registry.Topics);

        // Reclaim at once: a restarted instance should pick up what its predecessor left behind.
        var nextClaim = clock.GetUtcNow();
        BatchInFlight? inFlight = null;
        Task<RedisResult>? nextRead = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (nextRead is null && clock.GetUtcNow() >= nextClaim)
                    {
                        await SettleAsync(settings, Take(ref inFlight), stoppingToken);
                        await ReclaimAsync(settings, stoppingToken);
                        nextClaim = clock.GetUtcNow() + settings.ClaimInterval;
                    }

                    var read = nextRead ?? reader.ExecuteAsync("XREADGROUP", readArgs);
                    nextRead = null;
                    var entries = XReadGroupCommand.Parse(await read.WaitAsync(stoppingToken));

                    // A full batch means the consumer is behind: the next read goes out now and travels while this batch
                    // is handled, instead of after it. Not when a reclaim is due, so a backlog cannot put reclaims off.
                    if (entries.Count >= settings.ReadBatchSize && clock.GetUtcNow() < nextClaim)
                    {
                        nextRead = reader.ExecuteAsync("XREADGROUP", readArgs);
                    }

                    inFlight = await HandleAllAsync(settings, entries, Take(ref inFlight), stoppingToken);
                }
                catch (RedisServerException ex) when (ex.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
                {
                    // The stream or group was deleted under us (FLUSHALL, manual cleanup): recreate and go on.
                    await ObserveAsync(Take(ref inFlight));
                    await ObserveReadAsync(Take(ref nextRead));
                    await EnsureGroupsAsync(settings, stoppingToken);
                }
                catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
                {
                    await ObserveAsync(Take(ref inFlight));
                    await ObserveReadAsync(Take(ref nextRead));
                    LogRedisUnavailable(ex);
                    await Task.Delay(ReconnectDelay, clock, stoppingToken);
                }
            }
        }
        finally
        {
            // Stopping: the last commit completes (its after-commit actions run); were it refused, its entries stay
            // pending and come back through the reclaim, as any unfinished delivery does — as do the entries of a read
            // sent ahead and not handled.
            await ObserveAsync(Take(ref inFlight));
            await ObserveReadAsync(Take(ref nextRead));
        }
    }

    /// <summary>Hands over what <paramref name="slot"/> holds and leaves it empty, so nothing is settled or observed twice.</summary>
    private static T? Take<T>(ref T? slot)
        where T : class
    {
        var taken = slot;
        slot = null;
        return taken;
    }

    /// <summary>Lets a read sent ahead finish unhandled: what it delivered stays pending and is reclaimed later.</summary>
    private async Task ObserveReadAsync(Task<RedisResult>? read)
    {
        if (read is null)
        {
            return;
        }

        try
        {
            await read;
        }
        catch (Exception ex)
        {
            LogReadAbandoned(ex);
        }
    }

    /// <summary>
    /// Creates the consumer groups, waiting for Redis while it cannot be reached: a service started before its Redis
    /// (or during a restart of it) must start consuming once Redis is back, not stop for good.
    /// </summary>
    private async Task EnsureGroupsAsync(EventBusOptions settings, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await ConsumerGroups.EnsureAsync(redis.GetDatabase(), settings.AppId, registry.Topics);
                return;
            }
            catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
            {
                LogRedisUnavailable(ex);
                await Task.Delay(ReconnectDelay, clock, stoppingToken);
            }
        }
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "A read sent ahead did not complete; whatever it delivered is reclaimed")]
    private partial void LogReadAbandoned(Exception error);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The event consumer loop stopped")]
    private partial void LogConsumerDied(Exception error);
}
