using Pilot.Publication.Domain.Publicity;
using Pilot.SharedKernel;

namespace Pilot.Publication.Tests.Domain;

/// <summary>Accepted filings and the entries they open, for the domain tests: accepted in Beijing on 13 October 2020.</summary>
internal static class Entries
{
    public static readonly DateTimeOffset AcceptedAt = new(2020, 10, 13, 15, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The end of a five-working-day window opened by <see cref="AcceptedAt"/>: midnight after Tuesday 20 October.</summary>
    public static readonly DateTimeOffset EndOfWindow = new(2020, 10, 21, 0, 0, 0, TimeSpan.FromHours(8));

    public static AcceptedFiling Accepted(string branchId = "br-1", string organisationId = "org-1", string regionCode = "110000", DateTimeOffset? at = null) =>
        new($"2020/{branchId}", "2020", branchId, organisationId, regionCode, "北京市", "京人社备〔2020〕001号", new DateOnly(2020, 10, 13),
            [new AcceptedOccupation("4-12-01-01")], at ?? AcceptedAt);

    public static PublicListing Listing(string organisationName = "中国交通培训评价中心", string? branchName = "北京分中心", string creditCode = "91110000MA01ABCD1X") =>
        new(organisationName, branchName, creditCode, "北京市东城区1号", "dept-jt", "交通运输部", [new ListedOccupation("4-12-01-01", "汽车维修工", null, [3, 4, 5])]);

    public static PublicityPeriod Period(DateTimeOffset? acceptedAt = null) => PublicityPeriod.After(acceptedAt ?? AcceptedAt, 5, WorkingDayCalendar.MainlandChina);

    public static PublicityEntry Branch(string branchId = "br-1", string organisationId = "org-1", string regionCode = "110000") =>
        PublicityOpening.OpenBranch(null, Accepted(branchId, organisationId, regionCode), Listing(), Period())!;

    public static PublicityEntry Organisation(string organisationId = "org-1") =>
        PublicityOpening.OpenOrganisation(null, Accepted("br-1", organisationId), Listing(branchName: null), Period())!;
}
