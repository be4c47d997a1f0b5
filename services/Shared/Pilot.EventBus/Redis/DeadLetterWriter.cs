using Microsoft.Extensions.Options;
using Pilot.EventBus.Diagnostics;
using StackExchange.Redis;

namespace Pilot.EventBus.Redis;

/// <summary>
/// Moves a message to <c>&lt;topic&gt;-deadletter</c> in Dapr's entry layout (so a Dapr subscriber could
/// read it), adding why, and acknowledges the original in the same transaction.
/// </summary>
internal sealed class DeadLetterWriter(IConnectionMultiplexer redis, IOptions<EventBusOptions> options, EventBusTelemetry telemetry)
{
    public async Task MoveAsync(ReceivedEntry entry, string eventType, long attempts, Exception error)
    {
        var settings = options.Value;
        var fields = new List<NameValueEntry>
        {
            new(StreamFields.Data, entry.Data.IsNull ? RedisValue.EmptyString : entry.Data),
            new(StreamFields.Error, $"{error.GetType().Name}: {error.Message}"),
            new(StreamFields.Attempts, attempts),
            new(StreamFields.OriginalId, entry.Id),
            new(StreamFields.AppId, settings.AppId),
        };
        if (!entry.Metadata.IsNull)
        {
            fields.Add(new NameValueEntry(StreamFields.Metadata, entry.Metadata));
        }

        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.StreamAddAsync(PilotTopics.DeadLetterOf(entry.Topic), [.. fields], maxLength: settings.StreamMaxLength, useApproximateMaxLength: true);
        _ = transaction.StreamAcknowledgeAsync(entry.Topic, settings.AppId, entry.Id);
        await transaction.ExecuteAsync();
        telemetry.DeadLettered(entry.Topic, eventType);
    }
}
