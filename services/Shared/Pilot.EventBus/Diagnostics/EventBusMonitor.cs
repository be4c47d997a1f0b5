using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.EventBus.Consuming;
using StackExchange.Redis;

namespace Pilot.EventBus.Diagnostics;

/// <summary>Samples outbox depth, consumer-group backlog and dead letters into <see cref="EventBusStatus"/> for gauges and health.</summary>
internal sealed partial class EventBusMonitor(
    IConnectionMultiplexer redis,
    SubscriptionRegistry registry,
    IOptions<EventBusOptions> options,
    EventBusStatus status,
    TimeProvider clock,
    ILogger<EventBusMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await SampleAsync();
                }
                catch (RedisException ex)
                {
                    LogSampleFailed(ex);
                }

                await Task.Delay(options.Value.MonitorInterval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal async Task SampleAsync()
    {
        var settings = options.Value;
        var db = redis.GetDatabase();
        status.RecordOutboxDepth(await db.StreamLengthAsync(EventBusKeys.Outbox(settings.AppId)));
        foreach (var topic in registry.Topics)
        {
            if (!await db.KeyExistsAsync(topic))
            {
                continue;
            }

            var group = (await db.StreamGroupInfoAsync(topic)).FirstOrDefault(g => g.Name == settings.AppId);
            if (group.Name is not null)
            {
                var deadLetters = await db.StreamLengthAsync(PilotTopics.DeadLetterOf(topic));
                status.RecordBacklog(new ConsumerBacklog(topic, group.Lag ?? 0, group.PendingMessageCount, deadLetters));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sampling event bus backlog failed")]
    private partial void LogSampleFailed(Exception error);
}
