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

        var index = scope.OrganisationId is { } org ? FilingKeys.OrganisationFilings(org)
            : scope.RegionCode is { } region ? FilingKeys.RegionFilings(region)
            : FilingKeys.AllFilings;
        return await ListFilteredAsync(index, scope, pageSize, PagePositions.InIndex(query.PageToken));
    }

    /// <summary>
    /// One index read in chunks, with the records, filtered by the caller's scope until the page is full or the index
    /// ends. The next page starts after the last filing of this one; it may be short, even empty, when the rest of the
    /// index holds nothing the caller may see.
    /// </summary>
    private async Task<Page<FilingView>> ListFilteredAsync(string index, FilingListScope scope, int pageSize, IndexPosition? after)
    {
        var items = new List<FilingView>(pageSize);
        var chunk = Math.Max(pageSize, 50);
        while (true)
        {
            var read = await store.PageAsync(index, null, after, chunk);
            foreach (var entry in read.Entries)
            {
                if (items.Count == pageSize)
                {
                    return new Page<FilingView>(items, PagePositions.Token(after!.Value));
                }

                after = new IndexPosition(entry.Score, entry.Id);
                if (entry.Filing is { } stored && Matches(scope, stored.Filing))
                {
                    items.Add(stored);
                }
            }

            if (read.Entries.Count < chunk)
            {
                return new Page<FilingView>(items, string.Empty);
            }
        }
    }

    /// <summary>
    /// A region's filings in one status (a bureau's work list) from the index of exactly those, with their stored
    /// records, in one read. A page read before is answered from memory while the region has not changed since.
    /// </summary>
    private async Task<Page<FilingView>> ListByStatusAsync(string region, string index, int pageSize, string? pageToken)
    {
        var after = PagePositions.InIndex(pageToken);
        var versionKey = FilingKeys.RegionVersion(region);
        var cacheKey = new FilingPageCache.PageKey(index, pageToken ?? string.Empty, pageSize);
        if (cache.Enabled && cache.Find(cacheKey, await store.VersionAsync(versionKey)) is { } unchanged)
        {
            return unchanged;
        }

        var read = await store.PageAsync(index, versionKey, after, pageSize + 1);
        var entries = read.Entries;
        FilingView[] items = [.. entries.Take(pageSize).Select(entry => entry.Filing).OfType<FilingView>()];
        var next = entries.Count > pageSize ? PagePositions.Token(new IndexPosition(entries[pageSize - 1].Score, entries[pageSize - 1].Id)) : string.Empty;
        var page = new Page<FilingView>(items, next);
        cache.Keep(cacheKey, read.Version, page);
        return page;
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
}
