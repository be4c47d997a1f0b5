using System.Globalization;
using Pilot.EventBus;
using StackExchange.Redis;

namespace Pilot.FactCopies;

/// <summary>
/// Where an event stands among the events about one fact: its CloudEvents <c>time</c>, then its id.
/// </summary>
/// <remarks>
/// On Redis Streams the time is the producer's clock when its outbox wrote the envelope, just before the commit of
/// the change (a producer whose commit lost a race writes its envelopes again, later). Under Dapr the relay does not
/// pass that time on, so the order rests on whatever time daprd stamps when it publishes, in the outbox's order.
/// Either way the order is only as good as one clock: two producer instances whose clocks disagree, or a clock
/// stepped back, can make a newer change look older, and the copy then keeps the older fact until the next change.
/// The time is kept to 100 ns; events of equal time are ordered by their ids (ordinal), which is deterministic
/// (every consumer keeps the same one, whichever arrived last) but not necessarily the order the producer meant.
/// </remarks>
internal readonly record struct EventPosition(DateTimeOffset Time, string EventId)
{
    public static EventPosition Of(CloudEventEnvelope envelope) =>
        DateTimeOffset.TryParse(envelope.Time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? new EventPosition(time.ToUniversalTime(), envelope.Id)
            : throw new PoisonEventException($"Event {envelope.Id} carries no readable time ('{envelope.Time}'), so it cannot be ordered against the copy it would change.");

    /// <summary>As stored in <see cref="FactCopyKeys.TimeField"/>: fixed width, so equal positions store equal text.</summary>
    public string TimeText => Time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static EventPosition Read(RedisValue time, RedisValue eventId) =>
        new(DateTimeOffset.Parse(time.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), eventId.ToString());

    public bool IsAfter(EventPosition other)
    {
        var byTime = Time.UtcTicks.CompareTo(other.Time.UtcTicks);
        return byTime > 0 || (byTime == 0 && string.CompareOrdinal(EventId, other.EventId) > 0);
    }
}
