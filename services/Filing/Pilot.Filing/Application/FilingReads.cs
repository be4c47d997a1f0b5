using System.Globalization;
using Pilot.Filing.Domain.Filings;
using Pilot.Filing.Storage;
using Pilot.SharedKernel;

namespace Pilot.Filing.Application;

/// <summary>Filings as their readers may see them (R6): a bureau its region's, an organisation its own, the national centre all.</summary>
internal sealed class FilingReads(FilingStore store, RefusalAudit audit, FilingPageCache cache)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<FilingView> GetAsync(string filingId, Caller caller)
    {
        var stored = string.IsNullOrWhiteSpace(filingId) ? null : await store.FindFilingAsync(filingId);
        if (stored is null)
        {
            throw DomainException.NotFound("filing_id", $"there is no filing '{filingId}'");
        }

        if (!FilingAccess.MayRead(caller, stored.Filing))
        {
            throw await audit.RecordAsync(caller, RefusalAudit.ReadFiling, stored.Filing.FilingId,
                DomainException.Forbidden($"filing {stored.Filing.FilingId} is visible to its organisation, the bureau of {stored.Filing.Region.Code} and the national centre only"),
                stored.Filing.Region.Code);
        }

        return stored;
    }

    public async Task<Page<FilingView>> ListAsync(FilingListQuery query, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scope = await ScopeAsync(caller, query.RegionCode, query.Status, RefusalAudit.ListFilings);
        var pageSize = PageSize(query.PageSize);
        if (scope is { OrganisationId: null, RegionCode: { } bureauRegion, Status: { } status })
        {
            return await ListByStatusAsync(bureauRegion, FilingKeys.RegionStatusFilings(bureauRegion, status), pageSize, query.PageToken);
        }

        var offset = Offset(query.PageToken);
        var index = scope.OrganisationId is { } org ? FilingKeys.OrganisationFilings(org)
            : scope.RegionCode is { } region ? FilingKeys.RegionFilings(region)
            : FilingKeys.AllFilings;

        // Filters apply after reading, so read in chunks until the page is full or the index ends.
        var items = new List<FilingView>();
        var chunk = Math.Max(pageSize, 50);
        while (items.Count < pageSize)
        {
            var ids = await store.FilingIdsAsync(index, offset, chunk);
            var filings = await store.FindFilingsAsync(ids);
            for (var i = 0; i < ids.Count; i++)
            {
                offset++;
                if (filings[i] is { } stored && Matches(scope, stored.Filing))
                {
                    items.Add(stored);
                    if (items.Count == pageSize)
                    {
                        break;
                    }
                }
            }

            if (ids.Count < chunk && items.Count < pageSize)
            {
                return new Page<FilingView>(items, string.Empty);
            }
        }

        var more = (await store.FilingIdsAsync(index, offset, 1)).Count > 0;
        return new Page<FilingView>(items, more ? offset.ToString(CultureInfo.InvariantCulture) : string.Empty);
    }

    /// <summary>
    /// A region's filings in one status (a bureau's work list) from the index of exactly those, with their stored
    /// records, in one read. A page read before is answered from memory while the region has not changed since.
    /// </summary>
    private async Task<Page<FilingView>> ListByStatusAsync(string region, string index, int pageSize, string? pageToken)
    {
        var (afterScore, afterId) = Cursor(pageToken);
        var versionKey = FilingKeys.RegionVersion(region);
        var cacheKey = new FilingPageCache.PageKey(index, pageToken ?? string.Empty, pageSize);
        if (cache.Enabled && cache.Find(cacheKey, await store.VersionAsync(versionKey)) is { } unchanged)
        {
            return unchanged;
        }

        var read = await store.PageAsync(index, versionKey, afterScore, afterId, pageSize + 1);
        var entries = read.Entries;
        var last = entries.Take(pageSize).LastOrDefault();
        FilingView[] items = [.. entries.Take(pageSize).Select(entry => entry.Filing).OfType<FilingView>()];
        var next = entries.Count > pageSize
            ? string.Create(CultureInfo.InvariantCulture, $"{CursorPrefix}{last!.Score}:{last.Id}")
            : string.Empty;
        var page = new Page<FilingView>(items, next);
        cache.Keep(cacheKey, read.Version, page);
        return page;
    }

    private const string CursorPrefix = "after:";

    private static (long? Score, string? Id) Cursor(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, null);
        }

        var parts = token.StartsWith(CursorPrefix, StringComparison.Ordinal) ? token[CursorPrefix.Length..].Split(':', 2) : [];
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score) && parts[1].Length > 0
            ? (score, parts[1])
            : throw DomainException.Invalid("page_token", "pass the next_page_token of the previous page unchanged");
    }

    /// <summary>The caller's scope, or an audited PermissionDenied.</summary>
    public async Task<FilingListScope> ScopeAsync(Caller caller, string? requestedRegion, FilingStatus? status, string action)
    {
        try
        {
            return FilingListScope.For(caller, requestedRegion, status);
        }
        catch (DomainException refusal) when (refusal.Kind == ErrorKind.Forbidden)
        {
            var target = string.IsNullOrWhiteSpace(requestedRegion) ? "filings" : $"filings:{requestedRegion}";
            throw await audit.RecordAsync(caller, action, target, refusal, requestedRegion);
        }
    }

    private static bool Matches(FilingListScope scope, BranchFiling filing) =>
        (scope.RegionCode is null || filing.Region.Code == scope.RegionCode)
        && (scope.OrganisationId is null || filing.OrganisationId == scope.OrganisationId)
        && (scope.Status is null || filing.Status == scope.Status);

    internal static int PageSize(int requested) => requested switch
    {
        0 => DefaultPageSize,
        < 0 or > MaxPageSize => throw DomainException.Invalid("page_size", $"ask for 1 to {MaxPageSize} items per page"),
        _ => requested,
    };

    private static long Offset(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        return long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw DomainException.Invalid("page_token", "pass the next_page_token of the previous page unchanged");
    }
}
