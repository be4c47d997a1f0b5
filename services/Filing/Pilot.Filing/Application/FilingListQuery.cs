using Pilot.Filing.Domain.Filings;

namespace Pilot.Filing.Application;

/// <summary>What a caller asks ListFilings for; the caller's own scope narrows it further.</summary>
/// <param name="RegionCode">The region asked for; empty means "mine" for a bureau, "all" otherwise.</param>
/// <param name="Status">Only filings in this status; null for any.</param>
/// <param name="PageToken">The next page token of the previous page; empty for the first.</param>
/// <param name="PageSize">0 for the default.</param>
internal sealed record FilingListQuery(string? RegionCode, FilingStatus? Status, string? PageToken, int PageSize);
