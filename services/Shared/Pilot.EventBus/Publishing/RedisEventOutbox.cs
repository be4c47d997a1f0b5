using Microsoft.Extensions.Options;
using Pilot.EventBus.Diagnostics;
using Pilot.EventBus.Envelope;
using Pilot.EventBus.Redis;
using StackExchange.Redis;

namespace Pilot.EventBus.Publishing;

/// <summary>
/// On Redis Streams the topic lives in the same Redis, so the transaction appends to the topic itself
/// and no relay is needed. Under Dapr it appends to the app's outbox stream, which the relay drains.
/// </summary>
internal sealed class RedisEventOutbox(
    IConnectionMultiplexer redis,
    IOptions<EventBusOptions> options,
    EnvelopeFactory envelopes,
    EventBusTelemetry telemetry,
    OutboxRelaySignal relaySignal) : IEventOutbox
{
    public string Enlist<TEvent>(ITransaction transaction, TEvent evt)
        where TEvent : IIntegrationEvent =>
        Enlist(transaction, envelopes.Write(evt));

    public string Enlist(ITransaction transaction, string topic, string eventType, object data, string? eventId = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Enlist(transaction, envelopes.Write(topic, eventType, data, eventId));
    }

    public PreparedEvent Prepare(string topic, string eventType, object data, string? eventId = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var envelope = envelopes.Write(topic, eventType, data, eventId);
        var settings = options.Value;
        var viaOutbox = settings.Transport == EventBusTransport.Dapr;
        return new PreparedEvent(
            envelope.Id,
            viaOutbox ? EventBusKeys.Outbox(settings.AppId) : envelope.Topic,
            envelope.Json,
            viaOutbox ? null : settings.StreamMaxLength,
            () => AfterCommit(viaOutbox, envelope));
    }

    private string Enlist(ITransaction transaction, WrittenEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var settings = options.Value;
        var viaOutbox = settings.Transport == EventBusTransport.Dapr;
        var stream = viaOutbox ? EventBusKeys.Outbox(settings.AppId) : envelope.Topic;

        var added = transaction.StreamAddAsync(
            stream,
            [new NameValueEntry(StreamFields.Data, envelope.Json)],
            maxLength: viaOutbox ? null : settings.StreamMaxLength,
            useApproximateMaxLength: true);

        // The queued command completes only when the caller executes the transaction; an aborted
        // transaction cancels it, and then nothing was published.
        _ = added.ContinueWith(
            task =>
            {
                if (task.IsCompletedSuccessfully)
                {
                    AfterCommit(viaOutbox, envelope);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        return envelope.Id;
    }

    private void AfterCommit(bool viaOutbox, WrittenEnvelope envelope)
    {
        if (viaOutbox)
        {
            relaySignal.Notify();
        }
        else
        {
            telemetry.Published(envelope.Topic, envelope.Type);
        }
    }

    public async Task<string> PublishAsync<TEvent>(TEvent evt, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent
    {
        var transaction = redis.GetDatabase().CreateTransaction();
        var id = Enlist(transaction, evt);
        await transaction.ExecuteAsync().WaitAsync(cancellationToken);
        return id;
    }
}
