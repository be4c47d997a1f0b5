using System.Text.RegularExpressions;
using Pilot.Notification.Domain.Parties;
using Pilot.Notification.Storage;
using Pilot.SharedKernel;

namespace Pilot.Notification.Application;

/// <summary>
/// A party's inbox as a stream: every message after the cursor in arrival order (the inbox stream's entry ids are the
/// cursors), then each new one as it commits. The wait is armed before each read, so a message that commits between
/// the read and the wait wakes it; a message another instance committed is found within the poll interval.
/// </summary>
internal sealed partial class InboxWatch(InboxStore inbox, InboxSignal signal)
{
    private const int Batch = 100;

    // How long a watcher waits, at most, for a message another instance committed.
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public async Task RunAsync(Caller caller, string? cursor, Func<string, InboxEntry, Task> write, CancellationToken cancellationToken)
    {
        var party = Party.Of(caller);
        if (!string.IsNullOrEmpty(cursor) && !CursorPattern().IsMatch(cursor))
        {
            throw DomainException.Invalid("cursor", "cursor must be the cursor of a message this stream sent, passed back unchanged");
        }

        var position = string.IsNullOrEmpty(cursor) ? null : cursor;
        while (!cancellationToken.IsCancellationRequested)
        {
            var woken = signal.WaitAsync(party.Key);
            var entries = await inbox.AfterAsync(party.Key, position, Batch).ConfigureAwait(false);
            var messages = await inbox.FindManyAsync([.. entries.Select(e => e.MessageId)]).ConfigureAwait(false);
            var byId = messages.ToDictionary(m => m.Message.MessageId, StringComparer.Ordinal);
            foreach (var (entryCursor, messageId) in entries)
            {
                if (byId.TryGetValue(messageId, out var found))
                {
                    await write(entryCursor, new InboxEntry(found.Message, found.Read)).ConfigureAwait(false);
                }

                position = entryCursor;
            }

            if (entries.Count < Batch)
            {
                await Task.WhenAny(woken, Task.Delay(PollInterval, cancellationToken)).ConfigureAwait(false);
            }
        }
    }

    [GeneratedRegex(@"^\d{1,20}-\d{1,20}$")]
    private static partial Regex CursorPattern();
}
