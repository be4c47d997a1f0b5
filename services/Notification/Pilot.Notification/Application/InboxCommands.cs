using Pilot.Commands;
using Pilot.Notification.Domain.Messages;
using Pilot.Notification.Domain.Parties;
using Pilot.Notification.Storage;
using Pilot.SharedKernel;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.Notification.Application;

public sealed record MarkReadAnswer(int Marked, long UnreadCount);

/// <summary>The messages a mark-read names, as read: each must still be as read (read or not) when the change commits.</summary>
internal sealed class MarkReadReads(IReadOnlyList<(string Id, RedisValue Read, RedisValue Position, RedisValue Recipient)> messages, long unreadCount) : ICommandReads
{
    public IReadOnlyList<(string Id, RedisValue Read, RedisValue Position, RedisValue Recipient)> Messages => messages;

    public long UnreadCount => unreadCount;

    public void AddConditions(IStateWrites commit)
    {
        foreach (var message in messages.Where(m => !m.Recipient.IsNull))
        {
            commit.HashFieldEquals(NotificationKeys.Message(message.Id), "read", message.Read);
        }
    }
}

/// <summary>Inbox changes, on the command pipeline: a repeated request id gets the first answer.</summary>
internal sealed class InboxCommands(CommandPipeline pipeline, IConnectionMultiplexer redis)
{
    public const int MaxMessagesPerCall = 100;

    public Task<MarkReadAnswer> MarkReadAsync(Caller caller, string requestId, IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        var party = Party.Of(caller);
        if (messageIds.Count is 0 or > MaxMessagesPerCall)
        {
            throw DomainException.Invalid("message_ids", $"name 1 to {MaxMessagesPerCall} messages");
        }

        var ids = messageIds.Distinct(StringComparer.Ordinal).ToList();
        return pipeline.RunAsync(
            new Command<MarkReadReads, MarkReadAnswer>(
                caller,
                requestId,
                "MarkRead",
                new { party = party.Key, ids },
                _ => LoadAsync(party, ids),
                reads => Decide(party, reads)),
            cancellationToken);
    }

    private async Task<MarkReadReads> LoadAsync(Party party, IReadOnlyList<string> ids)
    {
        var db = redis.GetDatabase();
        var reads = ids.Select(id => db.HashGetAsync(NotificationKeys.Message(id), ["read", "position", "recipient"])).ToList();
        var unread = db.SortedSetLengthAsync(NotificationKeys.Unread(party.Key));
        await Task.WhenAll([.. reads, unread]).ConfigureAwait(false);
        return new MarkReadReads([.. ids.Select((id, i) => (id, reads[i].Result[0], reads[i].Result[1], reads[i].Result[2]))], unread.Result);
    }

    private static CommandResult<MarkReadAnswer> Decide(Party party, MarkReadReads reads)
    {
        // Another party's message is answered as absent: an inbox reveals nothing of another's.
        var unknown = reads.Messages.Where(m => m.Recipient.IsNull || m.Recipient != party.Key).Select(m => m.Id).ToList();
        if (unknown.Count > 0)
        {
            return CommandResult.Refused<MarkReadAnswer>(DomainException.NotFound("message_ids", $"no message {string.Join(", ", unknown)} in your inbox"));
        }

        var toMark = reads.Messages.Where(m => m.Read != "1").ToList();
        return CommandResult.Accepted(
            new MarkReadAnswer(toMark.Count, Math.Max(0, reads.UnreadCount - toMark.Count)),
            writes =>
            {
                foreach (var message in toMark)
                {
                    writes.HashSet(NotificationKeys.Message(message.Id), new HashEntry("read", "1"));
                    writes.SortedSetRemove(NotificationKeys.Unread(party.Key), message.Position.ToString());
                    writes.SortedSetAdd(NotificationKeys.Read(party.Key), message.Position.ToString(), 0);
                }
            });
    }
}
