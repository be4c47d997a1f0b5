using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Pilot.SharedKernel;

namespace Pilot.Filing.Application;

/// <summary>
/// Pages of bureaus' work lists, each tagged with the region's change counter it was read at. Bureau systems poll
/// the same first pages far more often than filings change, so a page is answered from memory while the counter in
/// Redis has not moved (one small read instead of the page script) and read again as soon as it has.
/// </summary>
internal sealed class FilingPageCache(IOptions<FilingOptions> options)
{
    private readonly ConcurrentDictionary<PageKey, (long Version, Page<FilingView> Page)> pages = new();

    public readonly record struct PageKey(string Index, string PageToken, int PageSize);

    public bool Enabled => options.Value.ListCachePages > 0;

    /// <summary>The page as it was at <paramref name="version"/>, or null. Pages are immutable, so callers share them.</summary>
    public Page<FilingView>? Find(PageKey key, long version) =>
        pages.TryGetValue(key, out var kept) && kept.Version == version ? kept.Page : null;

    public void Keep(PageKey key, long version, Page<FilingView> page)
    {
        if (!Enabled)
        {
            return;
        }

        // Bounded crudely: when full, start again; the pages in use come back with their next reads.
        if (pages.Count >= options.Value.ListCachePages)
        {
            pages.Clear();
        }

        pages[key] = (version, page);
    }
}
