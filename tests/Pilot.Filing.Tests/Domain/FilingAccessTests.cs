using Pilot.Filing.Domain.Filings;
using Pilot.SharedKernel;
using static Pilot.Filing.Tests.Domain.TestData;

namespace Pilot.Filing.Tests.Domain;

public sealed class FilingAccessTests
{
    [Fact]
    public void A_bureau_lists_its_own_region_whether_or_not_it_names_it()
    {
        Assert.Equal(new FilingListScope(Beijing, null, null), FilingListScope.For(BeijingBureau, null));
        Assert.Equal(new FilingListScope(Beijing, null, FilingStatus.Submitted), FilingListScope.For(BeijingBureau, Beijing, FilingStatus.Submitted));
    }

    [Fact]
    public void A_bureau_asking_for_another_region_is_forbidden()
    {
        var error = Assert.Throws<DomainException>(() => FilingListScope.For(BeijingBureau, Shanghai));
        Assert.Equal(ErrorKind.Forbidden, error.Kind);
        Assert.Equal(ErrorKind.Forbidden, Assert.Throws<DomainException>(() => FilingListScope.For(BeijingBureau with { Region = null }, null)).Kind);
    }

    [Fact]
    public void The_centre_lists_any_region_and_organisations_only_their_own()
    {
        Assert.Equal(new FilingListScope(null, null, null), FilingListScope.For(NationalCentre, null));
        Assert.Equal(new FilingListScope(Shanghai, null, null), FilingListScope.For(NationalCentre, Shanghai));
        Assert.Equal(new FilingListScope(null, EvaluationOrg, null), FilingListScope.For(Evaluation, null));
        Assert.Equal(ErrorKind.Forbidden, Assert.Throws<DomainException>(() => FilingListScope.For(Department, null)).Kind);
        Assert.Equal(ErrorKind.Forbidden, Assert.Throws<DomainException>(() => FilingListScope.For(Caller.Anonymous, null)).Kind);
    }

    [Fact]
    public void A_malformed_region_is_invalid() =>
        Assert.Equal(ErrorKind.Invalid, Assert.Throws<DomainException>(() => FilingListScope.For(NationalCentre, "11")).Kind);

    [Fact]
    public void One_filing_is_visible_to_its_organisation_its_bureau_and_the_centre()
    {
        var filing = new FilingSubmission(WorkingDayCalendar.MainlandChina)
            .Submit(null, new SubmitFiling("req-1", "2020", Branch, Beijing, Occupations, 0), Evaluation, Facts(), Batch, At(2020, 10, 9))
            .GetStateOrThrow();

        Assert.True(FilingAccess.MayRead(Evaluation, filing));
        Assert.True(FilingAccess.MayRead(BeijingBureau, filing));
        Assert.True(FilingAccess.MayRead(NationalCentre, filing));
        Assert.False(FilingAccess.MayRead(ShanghaiBureau, filing));
        Assert.Equal(ErrorKind.Forbidden, Assert.Throws<DomainException>(() => FilingAccess.EnsureMayRead(Industry, filing)).Kind);
    }
}
