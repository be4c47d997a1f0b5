namespace Pilot.Notification.Application;

/// <summary>
/// Wakes this instance's inbox watchers when a message for their party has committed here; a message another
/// instance committed is found by the watchers' poll instead.
/// </summary>
public sealed class InboxSignal
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, TaskCompletionSource> waiting = new(StringComparer.Ordinal);

    public Task WaitAsync(string party)
    {
        lock (gate)
        {
            if (!waiting.TryGetValue(party, out var source))
            {
                source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                waiting[party] = source;
            }

            return source.Task;
        }
    }

    public void Notify(string party)
    {
        TaskCompletionSource? source;
        lock (gate)
        {
            if (!waiting.Remove(party, out source))
            {
                return;
            }
        }

        source.TrySetResult();
    }
}
