using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Pilot.Filing.Storage;
using Pilot.SharedKernel;

namespace Pilot.Filing.Application;

/// <summary>
/// A region's filing changes: first everything after the cursor, then new changes as they are committed. The change
/// stream is written in the same commit as the filing, so what a bureau has seen up to a cursor is exactly what was
/// committed up to it. The sequence ends only when the caller cancels.
/// </summary>
internal sealed class FilingWatch(FilingStore store, FilingReads reads, RegionChangeSignals signals, IOptions<FilingOptions> options)
{
    private const int ReadCount = 100;

    /// <param name="cursor">The cursor of the last change the caller has; empty for the region's first change.</param>
    public async IAsyncEnumerable<FilingChanged> WatchAsync(
        string? regionCode, string? cursor, Caller caller, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scope = await reads.ScopeAsync(caller, regionCode, null, RefusalAudit.WatchFilings);
        if (scope.OrganisationId is not null || scope.RegionCode is null)
        {
            throw DomainException.Invalid(
                "region_code", caller.IsNationalCentre ? "name the region to watch" : "WatchFilings is for provincial bureaus and the national centre");
        }

        var last = ParseCursor(cursor);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var changed = signals.NextChange(scope.RegionCode);
            var changes = await store.ChangesFromAsync(scope.RegionCode, StreamIds.Successor(last), ReadCount);
            foreach (var change in changes)
            {
                yield return change;
                last = StreamIds.Parse(change.Cursor);
            }

            if (changes.Count < ReadCount)
            {
                await WaitForChangeAsync(changed, cancellationToken);
            }
        }
    }

    /// <summary>Until this instance commits a change of the region, or the periodic look for other instances' changes is due.</summary>
    private async Task WaitForChangeAsync(Task changed, CancellationToken cancellationToken)
    {
        using var pollDue = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var poll = Task.Delay(options.Value.WatchPollInterval, pollDue.Token);
        if (await Task.WhenAny(changed, poll) == changed)
        {
            await pollDue.CancelAsync();
            await Task.Delay(options.Value.WatchGatherDelay, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private static (ulong Ms, ulong Seq)? ParseCursor(string? cursor)
    {
        if (string.IsNullOrWhiteSpace(cursor))
        {
            return null;
        }

        return StreamIds.Parse(cursor.Trim()) ?? throw DomainException.Invalid("cursor", $"'{cursor}' is not a cursor this service gave out (like 1764151200000-0)");
    }
}
