using Microsoft.Extensions.Options;
using Pilot.Commands;
using Pilot.EventBus;
using Pilot.Notification.Channels;
using Pilot.Notification.Domain.Deliveries;
using Pilot.Notification.Storage;
using Pilot.Scheduling;

namespace Pilot.Notification.Application;

/// <summary>
/// One attempt at a webhook or e-mail delivery, run by the scheduler (so it survives restarts, runs on one replica at
/// a time, and is caught up after downtime). The delivery is marked <c>sending</c>, the channel tried, and the outcome
/// committed with the attempt in the history: delivered; a temporary failure scheduled again after the backoff; or,
/// after the last attempt or a failure no retry can mend, a permanent failure kept among the dead letters.
/// </summary>
internal sealed class DeliverOnTime(
    DeliveryStore deliveries,
    InboxStore inbox,
    IEnumerable<IChannelSender> senders,
    IJobScheduler scheduler,
    IEventOutbox outbox,
    IOptions<NotificationOptions> options,
    NotificationMetrics metrics,
    TimeProvider clock) : IScheduledJobHandler<DeliverMessage>
{
    public async Task HandleAsync(ScheduledJobContext<DeliverMessage> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.Job;
        var read = await deliveries.ReadAsync(job.MessageId, job.Channel).ConfigureAwait(false);
        var found = await inbox.FindAsync(job.MessageId).ConfigureAwait(false);
        if (read.Delivery is not { IsFinished: false } || found is not { } stored)
        {
            return;
        }

        var startedAt = clock.GetUtcNow();
        var sending = await deliveries.MarkSendingAsync(read, startedAt).ConfigureAwait(false);
        if (sending?.Delivery is not { } delivery)
        {
            return;
        }

        var sender = senders.Single(s => s.Channel == job.Channel);
        SendOutcome outcome;
        try
        {
            outcome = await sender.SendAsync(stored.Message, delivery, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            outcome = SendOutcome.Temporary(error.Message);
        }

        var retries = options.Value.Retries;
        var attempt = delivery.AttemptCount + 1;
        var now = clock.GetUtcNow();
        var next = outcome.Status switch
        {
            DeliveryStatus.Delivered => delivery.Delivered(startedAt, now, outcome.Detail),
            DeliveryStatus.TemporaryFailure when !retries.IsLast(attempt) =>
                delivery.FailedTemporarily(startedAt, now, outcome.Detail, now + retries.DelayAfter(attempt, Random.Shared.NextDouble())),
            DeliveryStatus.TemporaryFailure => delivery.FailedPermanently(startedAt, now, $"dead-lettered after {attempt} attempts; last: {outcome.Detail}"),
            _ => delivery.FailedPermanently(startedAt, now, outcome.Detail),
        };

        await Reactions.RunAsync(
            context,
            outbox,
            () => Task.FromResult(sending),
            _ => Reaction.Apply(writes =>
            {
                DeliveryStore.Put(writes, [next]);
                if (next.Status == DeliveryStatus.TemporaryFailure && next.NextAttemptAt is { } retryAt)
                {
                    scheduler.Schedule(writes, context.JobKey, retryAt, job);
                }
                else if (next.Status == DeliveryStatus.PermanentFailure)
                {
                    DeliveryStore.DeadLetter(writes, next, now);
                }

                writes.OnCommitted(() =>
                {
                    metrics.Attempted(job.Channel, next.Status);
                    if (next.Status == DeliveryStatus.Delivered)
                    {
                        metrics.Delivered(job.Channel, now - stored.Message.EventAt);
                    }
                    else if (next.Status == DeliveryStatus.PermanentFailure)
                    {
                        metrics.DeadLettered(job.Channel);
                    }
                });
            })).ConfigureAwait(false);
    }
}
