using Pilot.Filing.Application;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Filings;
using Pilot.Filing.Storage;
using Pilot.Filing.Tests.Domain;
using Pilot.SharedKernel;

namespace Pilot.Filing.Tests.Storage;

/// <summary>Decisions read a filing back from its stored record, so the record must carry every field of the domain's filing.</summary>
public sealed class FilingRecordTests
{
    [Fact]
    public void A_filing_with_a_decision_and_an_earlier_rejection_comes_back_from_its_record_unchanged()
    {
        var submittedAt = new DateTimeOffset(2026, 11, 26, 8, 15, 30, TimeSpan.Zero).AddTicks(1234567);
        var rejection = new FilingDecision(FilingStatus.Rejected, submittedAt.AddDays(-3), "clerk-gd", null, null, "场地证明缺失");
        var acceptance = new FilingDecision(FilingStatus.Accepted, submittedAt.AddHours(5), "clerk-gd", "粤人社备〔2026〕18号", new DateOnly(2026, 11, 26), null);
        ProvinceRegion.TryFind("440000", out var guangdong);
        var filing = new BranchFiling(
            "2020/branch-1", "2020", "branch-1", "org-1", guangdong, TestData.Occupations, FilingStatus.Accepted, 4, 2, submittedAt, "user-eval",
            new Lateness(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 26), 6, 4), acceptance, [rejection]);

        var back = RoundTrip(new FilingView(filing, "91440000000000001X"));

        Assert.Equal("91440000000000001X", back.BranchCreditCode);
        Assert.Equal(StorageJson.Write(filing), StorageJson.Write(back.Filing));
        Assert.Equal(guangdong, back.Filing.Region);
    }

    [Fact]
    public void A_submitted_filing_has_no_decision_and_no_empty_strings_where_the_domain_has_none()
    {
        ProvinceRegion.TryFind("110000", out var beijing);
        var filing = new BranchFiling(
            "2020/b", "2020", "b", "org", beijing, [new Occupation("6-18-02-04")], FilingStatus.Submitted, 1, 1, DateTimeOffset.UnixEpoch.AddYears(56), "u",
            new Lateness(new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 26), 0, 0), null, []);

        var back = RoundTrip(new FilingView(filing, "cc")).Filing;

        Assert.Null(back.Decision);
        Assert.Empty(back.PastDecisions);
        Assert.Null(back.Occupations[0].SubType);
        Assert.Equal(StorageJson.Write(filing), StorageJson.Write(back));
    }

    private static FilingView RoundTrip(FilingView view) => FilingStore.ReadRecord(StorageJson.Write(view))!;
}
