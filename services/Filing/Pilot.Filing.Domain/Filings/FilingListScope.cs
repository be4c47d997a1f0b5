using Pilot.SharedKernel;

namespace Pilot.Filing.Domain.Filings;

/// <summary>
/// What a caller may list, as filters storage must apply: a bureau sees its own region only (R6), an
/// organisation its own filings, the national centre everything.
/// </summary>
/// <param name="RegionCode">Only filings in this region; null for all regions.</param>
/// <param name="OrganisationId">Only this organisation's filings; null for all organisations.</param>
/// <param name="Status">Only filings in this status; null for any.</param>
public sealed record FilingListScope(string? RegionCode, string? OrganisationId, FilingStatus? Status)
{
    /// <summary>The scope for <paramref name="caller"/> asking for <paramref name="requestedRegionCode"/>, or Forbidden.</summary>
    /// <param name="requestedRegionCode">The region asked for; null or empty means "mine" for a bureau, "all" otherwise.</param>
    public static FilingListScope For(Caller caller, string? requestedRegionCode, FilingStatus? status = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var requested = string.IsNullOrWhiteSpace(requestedRegionCode) ? null : ProvinceRegion.Parse(requestedRegionCode, "region_code").Code;

        if (caller.IsNationalCentre)
        {
            return new FilingListScope(requested, null, status);
        }

        if (caller.Is(Roles.ProvincialHr) && caller.Region is { } own && caller.IsBureauOf(requested ?? own))
        {
            return new FilingListScope(own, null, status);
        }

        if ((caller.Is(Roles.EvaluationOrg) || caller.Is(Roles.IndustryOrg)) && !string.IsNullOrEmpty(caller.Org))
        {
            return new FilingListScope(requested, caller.Org, status);
        }

        throw DomainException.Forbidden(
            caller.Is(Roles.ProvincialHr)
                ? $"a provincial bureau lists the filings of its own region only, not {requested}"
                : "only provincial bureaus, the national centre and organisations for their own branches may list filings");
    }
}
