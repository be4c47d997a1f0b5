using Pilot.Notification.Domain.Deliveries;
using Pilot.Notification.Domain.Messages;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.Notification.Storage;

/// <summary>A page of an inbox as read: the messages with their read flags, and the position of the last.</summary>
internal sealed record StoredInboxPage(IReadOnlyList<(InboxMessage Message, bool Read)> Items, string? LastPosition, bool LastWasUnread, long UnreadCount);

/// <summary>Messages and inboxes in Redis: written through the fan-out's commit, read for the inbox methods.</summary>
internal sealed class InboxStore(IConnectionMultiplexer redis)
{
    public static void Add(IStateWrites writes, InboxMessage message, IEnumerable<Delivery> deliveries)
    {
        var position = InboxPosition.Of(message.CreatedAt, message.MessageId);
        writes.HashSet(
            NotificationKeys.Message(message.MessageId),
            new HashEntry("record", NotificationJson.Write(message)),
            new HashEntry("read", "0"),
            new HashEntry("position", position),
            new HashEntry("recipient", message.Recipient));
        writes.SortedSetAdd(NotificationKeys.Unread(message.Recipient), position, 0);
        writes.StreamAdd(NotificationKeys.InboxStream(message.Recipient), null, new NameValueEntry("message", message.MessageId));
        DeliveryStore.Put(writes, deliveries);
    }

    /// <summary>Which of <paramref name="messageIds"/> exist already, in one round trip.</summary>
    public async Task<IReadOnlySet<string>> ExistingAsync(IReadOnlyCollection<string> messageIds)
    {
        var db = redis.GetDatabase();
        var checks = messageIds.Select(id => (id, exists: db.KeyExistsAsync(NotificationKeys.Message(id)))).ToList();
        await Task.WhenAll(checks.Select(c => c.exists)).ConfigureAwait(false);
        return checks.Where(c => c.exists.Result).Select(c => c.id).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<(InboxMessage Message, bool Read)?> FindAsync(string messageId)
    {
        var fields = await redis.GetDatabase().HashGetAsync(NotificationKeys.Message(messageId), ["record", "read"]).ConfigureAwait(false);
        return fields[0].IsNull ? null : (NotificationJson.Read<InboxMessage>(fields[0].ToString()), fields[1] == "1");
    }

    public async Task<IReadOnlyList<(InboxMessage Message, bool Read)>> FindManyAsync(IReadOnlyList<string> messageIds)
    {
        var db = redis.GetDatabase();
        var reads = messageIds.Select(id => db.HashGetAsync(NotificationKeys.Message(id), ["record", "read"])).ToList();
        await Task.WhenAll(reads).ConfigureAwait(false);
        return [.. reads.Where(r => !r.Result[0].IsNull).Select(r => (NotificationJson.Read<InboxMessage>(r.Result[0].ToString()), r.Result[1] == "1"))];
    }

    /// <summary>
    /// Up to <paramref name="count"/> messages, newest first, from the unread set (then, unless
    /// <paramref name="unreadOnly"/>, the read set), after the keyset position of the previous page.
    /// </summary>
    public async Task<StoredInboxPage> PageAsync(string party, bool fromUnread, string? after, int count, bool unreadOnly)
    {
        var db = redis.GetDatabase();
        var items = new List<(InboxMessage, bool)>();
        string? last = null;
        var lastWasUnread = fromUnread;
        var phases = fromUnread ? (unreadOnly ? new[] { true } : [true, false]) : [false];
        foreach (var unread in phases)
        {
            var key = unread ? NotificationKeys.Unread(party) : NotificationKeys.Read(party);
            var continues = after is not null && unread == fromUnread;
            var positions = await db.SortedSetRangeByValueAsync(
                key, min: default, max: continues ? after : default, exclude: continues ? Exclude.Stop : Exclude.None, order: Order.Descending, skip: 0, take: count - items.Count)
                .ConfigureAwait(false);
            var found = await FindManyAsync([.. positions.Select(p => InboxPosition.MessageIdOf(p.ToString()))]).ConfigureAwait(false);
            items.AddRange(found.Select(f => (f.Message, !unread)));
            if (positions.Length > 0)
            {
                last = positions[^1].ToString();
                lastWasUnread = unread;
            }

            if (items.Count >= count)
            {
                break;
            }
        }

        // Counted after the page is read, so a message that commits meanwhile is counted rather than listed but not counted.
        var unreadCount = await db.SortedSetLengthAsync(NotificationKeys.Unread(party)).ConfigureAwait(false);
        return new StoredInboxPage(items, items.Count >= count ? last : null, lastWasUnread, unreadCount);
    }

    /// <summary>The messages of the party's inbox stream after <paramref name="cursor"/> (exclusive), oldest first.</summary>
    public async Task<IReadOnlyList<(string Cursor, string MessageId)>> AfterAsync(string party, string? cursor, int count)
    {
        var entries = await redis.GetDatabase().StreamRangeAsync(
            NotificationKeys.InboxStream(party), minId: cursor is null ? "-" : "(" + cursor, maxId: "+", count: count).ConfigureAwait(false);
        return [.. entries.Select(e => (e.Id.ToString(), e["message"].ToString()))];
    }
}
