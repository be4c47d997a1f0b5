using Pilot.Commands;
using Pilot.Notification.Domain.Webhooks;
using Pilot.Notification.Domain.Parties;
using Pilot.Storage;

namespace Pilot.Notification.Storage;

/// <summary>
/// What a fan-out decides on: which of the event's messages exist already (those are not sent again), and where each
/// recipient can be reached. The messages it creates must still be absent when it commits.
/// </summary>
internal sealed class FanoutReads(
    IReadOnlyList<string> messageIds,
    IReadOnlySet<string> existing,
    IReadOnlyDictionary<Party, WebhookRegistration> webhooks,
    IReadOnlyDictionary<Party, IReadOnlyList<string>> emailAddresses) : ICommandReads
{
    public bool Exists(string messageId) => existing.Contains(messageId);

    public WebhookRegistration? WebhookOf(Party party) => webhooks.GetValueOrDefault(party);

    public IReadOnlyList<string> EmailOf(Party party) => emailAddresses.GetValueOrDefault(party) ?? [];

    public void AddConditions(IStateWrites commit)
    {
        foreach (var id in messageIds.Where(id => !existing.Contains(id)))
        {
            commit.Absent(NotificationKeys.Message(id));
        }
    }
}
