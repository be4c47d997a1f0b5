using Pilot.Filing.Domain.Auditing;
using Pilot.Filing.Domain.Events;
using IntegrationEventMapper = Pilot.Filing.IntegrationEvents.IntegrationEventMapper;
using Pilot.Filing.Domain.Filings;
using Pilot.SharedKernel;
using static Pilot.Filing.Tests.Domain.TestData;

namespace Pilot.Filing.Tests.Domain;

public sealed class FilingReviewTests
{
    private static readonly DateTimeOffset DecisionTime = At(2020, 10, 9, 15);

    private readonly BranchFiling pending = new FilingSubmission(WorkingDayCalendar.MainlandChina)
        .Submit(null, new SubmitFiling("req-1", "2020", Branch, Beijing, Occupations, 0), Evaluation, Facts(), Batch, At(2020, 10, 9))
        .GetStateOrThrow();

    [Fact]
    public void The_bureau_of_the_region_accepts_with_its_filing_number()
    {
        var outcome = FilingReview.Accept(pending, Accept(), BeijingBureau, null, DecisionTime);

        Assert.True(outcome.Succeeded, outcome.Refusal?.Message);
        var accepted = outcome.State!;
        Assert.Equal(FilingStatus.Accepted, accepted.Status);
        Assert.Equal(2, accepted.Version);
        Assert.Equal("京人社备〔2020〕001号", accepted.Decision!.FilingNumber);
        Assert.Equal(BeijingBureau.Subject, accepted.Decision.DecidedBy);

        var e = Assert.IsType<FilingAccepted>(Assert.Single(outcome.Events));
        Assert.Equal("pilot.filing.filing-accepted.v1", IntegrationEventMapper.ToOutgoing(e).Type);
        Assert.Equal("京人社备〔2020〕001号", e.FilingNumber);
        Assert.Equal(Branch, e.BranchId);
        Assert.Equal(EvaluationOrg, e.OrganisationId);
        Assert.Equal(Beijing, e.RegionCode);
        Assert.Equal("北京市", e.RegionName);
        Assert.Equal(Occupations, e.Occupations);
        Assert.Equal(new DateOnly(2020, 10, 9), e.FiledOn);

        var audit = outcome.Audit;
        Assert.Equal((AuditActions.AcceptFiling, "clerk-bj", Roles.ProvincialHr, Beijing, "hr-bj", DecisionTime, AuditOutcome.Succeeded),
            (audit.Action, audit.Subject, audit.Role, audit.Region, audit.System, audit.At, audit.Outcome));
    }

    [Fact]
    public void The_bureau_of_the_region_rejects_with_a_reason()
    {
        var outcome = FilingReview.Reject(pending, new RejectFiling("req-2", pending.FilingId, 1, "  场地证明材料缺失  "), BeijingBureau, DecisionTime);

        Assert.Equal(FilingStatus.Rejected, outcome.State!.Status);
        Assert.Equal(2, outcome.State.Version);
        var e = Assert.IsType<FilingRejected>(Assert.Single(outcome.Events));
        Assert.Equal("pilot.filing.filing-rejected.v1", IntegrationEventMapper.ToOutgoing(e).Type);
        Assert.Equal("场地证明材料缺失", e.Reason);
        Assert.Equal(AuditActions.RejectFiling, outcome.Audit.Action);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_rejection_without_a_reason_is_invalid(string reason)
    {
        var outcome = FilingReview.Reject(pending, new RejectFiling("req-2", pending.FilingId, 1, reason), BeijingBureau, DecisionTime);
        Assert.Equal(ErrorKind.Invalid, outcome.Refusal!.Kind);
        Assert.Equal("reason", outcome.Refusal.Violations[0].Field);
        Assert.Equal(AuditOutcome.Refused, outcome.Audit.Outcome);
    }

    [Theory]
    [InlineData("another region's bureau")]
    [InlineData("bureau without region")]
    [InlineData("national centre")]
    [InlineData("the filing organisation")]
    [InlineData("region claim but not a bureau")]
    public void Anyone_but_the_bureau_of_the_region_is_forbidden_and_audited(string who)
    {
        var caller = who switch
        {
            "another region's bureau" => ShanghaiBureau,
            "bureau without region" => BeijingBureau with { Region = null },
            "national centre" => NationalCentre,
            "the filing organisation" => Evaluation,
            _ => Evaluation with { Region = Beijing },
        };

        foreach (var outcome in new[]
        {
            FilingReview.Accept(pending, Accept(), caller, null, DecisionTime),
            FilingReview.Reject(pending, new RejectFiling("req-2", pending.FilingId, 1, "不符合"), caller, DecisionTime),
        })
        {
            Assert.Equal(ErrorKind.Forbidden, outcome.Refusal!.Kind);
            Assert.Null(outcome.State);
            Assert.Empty(outcome.Events);
            Assert.Equal(AuditOutcome.Refused, outcome.Audit.Outcome);
            Assert.Equal(ErrorKind.Forbidden, outcome.Audit.RefusalKind);
            Assert.Equal(caller.Subject, outcome.Audit.Subject);
            Assert.Equal(caller.Region, outcome.Audit.Region);
            Assert.Equal(pending.FilingId, outcome.Audit.Target);
        }
    }

    [Fact]
    public void A_decision_on_a_version_someone_else_changed_is_a_conflict()
    {
        var outcome = FilingReview.Accept(pending, Accept() with { ExpectedVersion = 0 }, BeijingBureau, null, DecisionTime);
        Assert.Equal(ErrorKind.Conflict, outcome.Refusal!.Kind);
        Assert.Contains("someone else decided first", outcome.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_clerks_deciding_from_the_same_version_the_second_gets_a_conflict()
    {
        var first = FilingReview.Accept(pending, Accept(), BeijingBureau, null, DecisionTime).State!;
        var second = FilingReview.Reject(first, new RejectFiling("req-3", pending.FilingId, 1, "不符合"), BeijingBureau with { Subject = "clerk-bj-2" }, DecisionTime);
        Assert.Equal(ErrorKind.Conflict, second.Refusal!.Kind);
        Assert.Equal(AuditOutcome.Refused, second.Audit.Outcome);
    }

    [Fact]
    public void Deciding_a_decided_filing_is_a_precondition_failure()
    {
        var accepted = FilingReview.Accept(pending, Accept(), BeijingBureau, null, DecisionTime).State!;
        var again = FilingReview.Reject(accepted, new RejectFiling("req-3", pending.FilingId, 2, "不符合"), BeijingBureau, DecisionTime);
        Assert.Equal(ErrorKind.Precondition, again.Refusal!.Kind);
        Assert.Contains("accepted", again.Refusal.Message, StringComparison.Ordinal);

        var rejected = FilingReview.Reject(pending, new RejectFiling("req-2", pending.FilingId, 1, "不符合"), BeijingBureau, DecisionTime).State!;
        Assert.Equal(ErrorKind.Precondition, FilingReview.Accept(rejected, Accept() with { ExpectedVersion = 2 }, BeijingBureau, null, DecisionTime).Refusal!.Kind);
    }

    [Fact]
    public void A_filing_number_used_by_another_filing_in_the_region_already_exists()
    {
        var outcome = FilingReview.Accept(pending, Accept(), BeijingBureau, "2020/branch-bj-9", DecisionTime);
        // Changed on purpose (issue 15): a number taken for good is AlreadyExists, not a Conflict to retry.
        Assert.Equal(ErrorKind.AlreadyExists, outcome.Refusal!.Kind);
        Assert.Equal("filing_number", outcome.Refusal.Violations[0].Field);

        // The index may already point at this very filing when storage reserved the number on a retry.
        Assert.True(FilingReview.Accept(pending, Accept(), BeijingBureau, pending.FilingId, DecisionTime).Succeeded);
    }

    [Theory]
    [InlineData("", "2020-10-09", "filing_number")]
    [InlineData("京备\n001", "2020-10-09", "filing_number")]
    [InlineData("京备001", "2020-10-10", "filed_on")] // tomorrow
    [InlineData("京备001", "2020-10-08", "filed_on")] // before the branch filed
    [InlineData("京备001", "2120-10-09", "filed_on")]
    [InlineData("京备001", "0001-01-01", "filed_on")]
    public void Nonsense_numbers_and_dates_are_invalid(string number, string filedOn, string field)
    {
        var outcome = FilingReview.Accept(pending, Accept() with { FilingNumber = number, FiledOn = DateOnly.Parse(filedOn) }, BeijingBureau, null, DecisionTime);
        Assert.Equal(ErrorKind.Invalid, outcome.Refusal!.Kind);
        Assert.Equal(field, outcome.Refusal.Violations[0].Field);
    }

    private AcceptFiling Accept() => new("req-2", pending.FilingId, 1, " 京人社备〔2020〕001号 ", new DateOnly(2020, 10, 9));
}
