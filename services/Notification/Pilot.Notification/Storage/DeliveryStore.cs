using Pilot.Commands;
using Pilot.Notification.Domain.Deliveries;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.Notification.Storage;

/// <summary>A message's delivery on one channel as read before an attempt; it must still be as read when the attempt commits.</summary>
internal sealed class DeliveryReads(string messageId, Channel channel, RedisValue record) : ICommandReads
{
    public Delivery? Delivery { get; } = record.IsNullOrEmpty ? null : NotificationJson.Read<Delivery>(record.ToString());

    public void AddConditions(IStateWrites commit) =>
        commit.HashFieldEquals(NotificationKeys.Deliveries(messageId), channel.ToString(), record);
}

/// <summary>Delivery records: one hash per message, one field per channel.</summary>
internal sealed class DeliveryStore(IConnectionMultiplexer redis)
{
    public static void Put(IStateWrites writes, IEnumerable<Delivery> deliveries)
    {
        foreach (var group in deliveries.GroupBy(d => d.MessageId))
        {
            writes.HashSet(NotificationKeys.Deliveries(group.Key), [.. group.Select(d => new HashEntry(d.Channel.ToString(), NotificationJson.Write(d)))]);
        }
    }

    /// <summary>A delivery given up on: kept with the others, and listed among the dead letters.</summary>
    public static void DeadLetter(IStateWrites writes, Delivery delivery, DateTimeOffset now) =>
        writes.SortedSetAdd(NotificationKeys.DeadLetters, $"{delivery.MessageId}:{delivery.Channel}", now.ToUnixTimeMilliseconds());

    public async Task<DeliveryReads> ReadAsync(string messageId, Channel channel) =>
        new(messageId, channel, await redis.GetDatabase().HashGetAsync(NotificationKeys.Deliveries(messageId), channel.ToString()).ConfigureAwait(false));

    public async Task<IReadOnlyList<Delivery>> AllOfAsync(string messageId)
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(NotificationKeys.Deliveries(messageId)).ConfigureAwait(false);
        return [.. entries.Select(e => NotificationJson.Read<Delivery>(e.Value.ToString())).OrderBy(d => d.Channel)];
    }

    /// <summary>
    /// Records that an attempt has started (<c>sending</c>), in a commit of its own so that a reader sees it while the
    /// attempt runs; it holds only if the delivery is still as read.
    /// </summary>
    public async Task<DeliveryReads?> MarkSendingAsync(DeliveryReads reads, DateTimeOffset now)
    {
        if (reads.Delivery is not { IsFinished: false } delivery)
        {
            return null;
        }

        var sending = delivery.Sending(now);
        var json = NotificationJson.Write(sending);
        var commit = new ConditionalCommit();
        reads.AddConditions(commit);
        commit.HashSet(NotificationKeys.Deliveries(delivery.MessageId), new HashEntry(delivery.Channel.ToString(), json));
        return await commit.ExecuteAsync(redis.GetDatabase()).ConfigureAwait(false) ? new DeliveryReads(delivery.MessageId, delivery.Channel, json) : null;
    }
}
