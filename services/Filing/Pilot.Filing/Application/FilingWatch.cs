using Grpc.Core;
using Microsoft.Extensions.Options;
using Pilot.Filing.Domain.Filings;
using Pilot.Filing.Grpc;
using Pilot.Filing.Storage;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;
using StackExchange.Redis;

namespace Pilot.Filing.Application;

/// <summary>
/// Streams a region's filing changes: first everything after the cursor, then new changes as they are
/// committed. The change stream is written in the same transaction as the filing, so what a bureau has
/// seen up to a cursor is exactly what was committed up to it.
/// </summary>
internal sealed class FilingWatch(FilingStore store, FilingQueries queries, RegionChangeSignals signals, IOptions<FilingOptions> options)
{
    private const int ReadCount = 100;

    public async Task RunAsync(WatchFilingsRequest request, Caller caller, IServerStreamWriter<FilingChange> output, CancellationToken cancellationToken)
    {
        var scope = await queries.ScopeAsync(caller, request.RegionCode, null, RefusalAudit.WatchFilings);
        if (scope.OrganisationId is not null || scope.RegionCode is null)
        {
            throw DomainException.Invalid(
                "region_code", caller.IsNationalCentre ? "name the region to watch" : "WatchFilings is for provincial bureaus and the national centre");
        }

        var last = ParseCursor(request.Cursor);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var changed = signals.NextChange(scope.RegionCode);
                var entries = await store.ChangesAfterAsync(scope.RegionCode, Successor(last), ReadCount);
                foreach (var entry in entries)
                {
                    await output.WriteAsync(ToChange(entry), cancellationToken);
                    last = StreamIds.Parse(entry.Id.ToString());
                }

                if (entries.Length < ReadCount)
                {
                    await WaitForChangeAsync(changed, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client hung up; its last cursor tells it where to resume.
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

    private static FilingChange ToChange(StreamEntry entry) => new()
    {
        Cursor = entry.Id.ToString(),
        Kind = FilingMappers.ToChangeKind(Enum.Parse<Domain.Filings.FilingStatus>(entry["kind"].ToString())),
        Filing = FilingRecord.Parser.ParseFrom((byte[])entry["record"]!),
    };

    private static (ulong Ms, ulong Seq)? ParseCursor(string? cursor)
    {
        if (string.IsNullOrWhiteSpace(cursor))
        {
            return null;
        }

        return StreamIds.Parse(cursor.Trim()) ?? throw DomainException.Invalid("cursor", $"'{cursor}' is not a cursor this service gave out (like 1764151200000-0)");
    }

    /// <summary>The smallest id after <paramref name="last"/>, so the range excludes what the client already has.</summary>
    private static string Successor((ulong Ms, ulong Seq)? last) => last switch
    {
        null => "-",
        { Seq: ulong.MaxValue } id => $"{id.Ms + 1}-0",
        { } id => $"{id.Ms}-{id.Seq + 1}",
    };
}
