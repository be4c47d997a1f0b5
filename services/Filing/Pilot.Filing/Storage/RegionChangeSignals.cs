using System.Collections.Concurrent;

namespace Pilot.Filing.Storage;

/// <summary>
/// Wakes this instance's WatchFilings streams of a region as soon as this instance commits a change there, so a
/// bureau sees its region's changes within milliseconds instead of at the next periodic look. Changes committed by
/// another instance of the service are still found by that look (<see cref="FilingOptions.WatchPollInterval"/>):
/// the change stream, not the signal, is what a watch reads.
/// </summary>
internal sealed class RegionChangeSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> next = new(StringComparer.Ordinal);

    /// <summary>
    /// Completes at the region's next change. Taken before reading the change stream, so a change committed while the
    /// read is under way still wakes the watch.
    /// </summary>
    public Task NextChange(string regionCode) =>
        next.GetOrAdd(regionCode, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>A change of the region was committed; every watch of it waiting now wakes.</summary>
    public void Changed(string regionCode)
    {
        if (next.TryRemove(regionCode, out var waiting))
        {
            waiting.TrySetResult();
        }
    }
}
