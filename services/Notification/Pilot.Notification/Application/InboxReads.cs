using Pilot.Notification.Domain.Deliveries;
using Pilot.Notification.Domain.Messages;
using Pilot.Notification.Domain.Parties;
using Pilot.Notification.Storage;
using Pilot.SharedKernel;

namespace Pilot.Notification.Application;

public sealed record InboxEntry(InboxMessage Message, bool Read);

public sealed record InboxPage(IReadOnlyList<InboxEntry> Items, string NextPageToken, long UnreadCount);

public sealed record MessageDeliveries(string MessageId, string Recipient, IReadOnlyList<Delivery> Deliveries);

/// <summary>Reads of the inbox and of delivery statuses, each only for whom it concerns.</summary>
internal sealed class InboxReads(InboxStore inbox, DeliveryStore deliveries)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public async Task<InboxPage> ListAsync(Caller caller, int pageSize, string? pageToken, bool unreadOnly)
    {
        var party = Party.Of(caller);
        if (pageSize < 0)
        {
            throw DomainException.Invalid("page_size", "page_size must not be negative");
        }

        var size = pageSize == 0 ? DefaultPageSize : Math.Min(pageSize, MaxPageSize);
        var (fromUnread, after) = ParseToken(PageTokens.Decode(pageToken));
        var page = await inbox.PageAsync(party.Key, fromUnread, after, size, unreadOnly).ConfigureAwait(false);
        var next = page.LastPosition is { } last ? PageTokens.Encode((page.LastWasUnread ? "u:" : "r:") + last) : "";
        return new InboxPage([.. page.Items.Select(i => new InboxEntry(i.Message, i.Read))], next, page.UnreadCount);
    }

    /// <summary>The recipient, or the national centre: anyone else is told the message does not exist.</summary>
    public async Task<MessageDeliveries> DeliveriesAsync(Caller caller, string messageId)
    {
        if (string.IsNullOrWhiteSpace(messageId) || messageId.Length > 64)
        {
            throw DomainException.Invalid("message_id", "message_id is required, as an inbox message gives it");
        }

        var found = await inbox.FindAsync(messageId).ConfigureAwait(false);
        if (found is not { } stored || !(caller.IsNationalCentre || IsRecipient(caller, stored.Message)))
        {
            throw DomainException.NotFound("message_id", $"no message {messageId} that you may see");
        }

        return new MessageDeliveries(messageId, stored.Message.Recipient, await deliveries.AllOfAsync(messageId).ConfigureAwait(false));
    }

    private static bool IsRecipient(Caller caller, InboxMessage message)
    {
        try
        {
            return Party.Of(caller).Key == message.Recipient;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    private static (bool FromUnread, string? After) ParseToken(string? position) => position switch
    {
        null => (true, null),
        _ when position.StartsWith("u:", StringComparison.Ordinal) => (true, position[2..]),
        _ when position.StartsWith("r:", StringComparison.Ordinal) => (false, position[2..]),
        _ => throw DomainException.Invalid("page_token", "page_token must be a next_page_token from an earlier answer of the same list, passed back unchanged"),
    };
}
