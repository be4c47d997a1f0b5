using System.Diagnostics.Metrics;
using Pilot.Notification.Domain.Deliveries;

namespace Pilot.Notification.Application;

/// <summary>What the dashboard shows of Notification: deliveries by channel and outcome, dead letters, latency, reminder lag.</summary>
public sealed class NotificationMetrics : IDisposable
{
    public const string MeterName = "Pilot.Notification";

    private readonly Meter meter;
    private readonly Counter<long> messages;
    private readonly Counter<long> deliveries;
    private readonly Counter<long> deadLetters;
    private readonly Histogram<double> eventToDelivery;
    private readonly Histogram<double> reminderLag;

    public NotificationMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        meter = meterFactory.Create(MeterName);
        messages = meter.CreateCounter<long>("pilot.notification.messages", "{message}", "Messages created, one per event and recipient.");
        deliveries = meter.CreateCounter<long>("pilot.notification.deliveries", "{delivery}", "Delivery attempts by channel and outcome.");
        deadLetters = meter.CreateCounter<long>("pilot.notification.dead_letters", "{delivery}", "Deliveries given up after their last attempt.");
        eventToDelivery = meter.CreateHistogram<double>("pilot.notification.event_to_delivery", "ms", "From the event to its delivery on a channel.");
        reminderLag = meter.CreateHistogram<double>("pilot.notification.reminder_lag", "s", "How long after its planned time a reminder went out.");
    }

    public void Created(string eventType, int count) => messages.Add(count, new KeyValuePair<string, object?>("pilot.notification.event_type", eventType));

    public void Attempted(Channel channel, DeliveryStatus outcome) =>
        deliveries.Add(1, new("pilot.notification.channel", channel.ToString()), new("pilot.notification.outcome", outcome.ToString()));

    public void DeadLettered(Channel channel) => deadLetters.Add(1, new KeyValuePair<string, object?>("pilot.notification.channel", channel.ToString()));

    public void Delivered(Channel channel, TimeSpan sinceEvent) =>
        eventToDelivery.Record(Math.Max(0, sinceEvent.TotalMilliseconds), new KeyValuePair<string, object?>("pilot.notification.channel", channel.ToString()));

    public void ReminderSent(TimeSpan lag) => reminderLag.Record(Math.Max(0, lag.TotalSeconds));

    public void Dispose() => meter.Dispose();
}
