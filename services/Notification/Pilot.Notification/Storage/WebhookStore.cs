using Pilot.Commands;
using Pilot.Notification.Domain.Parties;
using Pilot.Notification.Domain.Webhooks;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.Notification.Storage;

/// <summary>A party's webhook as read before registering or rotating; it must still be as read when the change commits.</summary>
internal sealed class WebhookReads(string party, RedisValue record) : ICommandReads
{
    public WebhookRegistration? Existing { get; } = record.IsNullOrEmpty ? null : NotificationJson.Read<WebhookRegistration>(record.ToString());

    public void AddConditions(IStateWrites commit)
    {
        var key = NotificationKeys.Webhook(party);
        if (record.IsNull)
        {
            commit.Absent(key);
        }
        else
        {
            commit.StringEquals(key, record);
        }
    }
}

internal sealed class WebhookStore(IConnectionMultiplexer redis)
{
    public async Task<WebhookReads> ReadAsync(string party) =>
        new(party, await redis.GetDatabase().StringGetAsync(NotificationKeys.Webhook(party)).ConfigureAwait(false));

    public static void Put(IStateWrites writes, WebhookRegistration registration) =>
        writes.StringSet(NotificationKeys.Webhook(registration.Recipient), NotificationJson.Write(registration));

    /// <summary>The webhooks of those of <paramref name="parties"/> that registered one, in one round trip.</summary>
    public async Task<IReadOnlyDictionary<Party, WebhookRegistration>> FindManyAsync(IReadOnlyCollection<Party> parties)
    {
        if (parties.Count == 0)
        {
            return new Dictionary<Party, WebhookRegistration>();
        }

        var list = parties.ToList();
        var values = await redis.GetDatabase().StringGetAsync([.. list.Select(p => (RedisKey)NotificationKeys.Webhook(p.Key))]).ConfigureAwait(false);
        var found = new Dictionary<Party, WebhookRegistration>();
        for (var i = 0; i < list.Count; i++)
        {
            if (!values[i].IsNullOrEmpty)
            {
                found[list[i]] = NotificationJson.Read<WebhookRegistration>(values[i].ToString());
            }
        }

        return found;
    }
}
