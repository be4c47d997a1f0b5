using Pilot.Filing.Domain.Auditing;
using Pilot.Filing.Domain.Events;
using FilingIntegrationEvent = Pilot.Filing.IntegrationEvents.FilingIntegrationEvent;
using IntegrationEventMapper = Pilot.Filing.IntegrationEvents.IntegrationEventMapper;
using Pilot.Filing.Domain.Filings;
using Pilot.SharedKernel;
using static Pilot.Filing.Tests.Domain.TestData;

namespace Pilot.Filing.Tests.Domain;

public sealed class FilingSubmissionTests
{
    private readonly FilingSubmission submission = new(WorkingDayCalendar.MainlandChina);

    [Fact]
    public void A_recommended_organisation_files_its_branch_in_the_branch_region()
    {
        var now = At(2020, 10, 9);
        var outcome = submission.Submit(null, Command(), Evaluation, Facts(), Batch, now);

        Assert.True(outcome.Succeeded, outcome.Refusal?.Message);
        var filing = outcome.State!;
        Assert.Equal($"2020/{Branch}", filing.FilingId);
        Assert.Equal(FilingStatus.Submitted, filing.Status);
        Assert.Equal(1, filing.Version);
        Assert.Equal(1, filing.Attempt);
        Assert.Equal("北京市", filing.Region.Name);
        Assert.Equal(EvaluationOrg, filing.OrganisationId);
        Assert.False(filing.Lateness.IsLate);
        var submitted = Assert.IsType<FilingSubmitted>(Assert.Single(outcome.Events));
        var announced = IntegrationEventMapper.ToOutgoing(submitted);
        Assert.Equal("pilot.filing.filing-submitted.v1", announced.Type);
        Assert.Equal(filing.FilingId, ((FilingIntegrationEvent)announced.Data).Subject);
        Assert.Equal(Beijing, submitted.RegionCode);
        Assert.Equal(Occupations, submitted.Occupations);
        Assert.Equal(AuditOutcome.Succeeded, outcome.Audit.Outcome);
    }

    [Fact]
    public void An_industry_organisation_needs_no_recommendation()
    {
        var industryCaller = Industry;
        var outcome = submission.Submit(null, Command(), industryCaller, Facts(recommended: false, industry: true, org: IndustryOrg), Batch, At(2020, 10, 9));
        Assert.True(outcome.Succeeded, outcome.Refusal?.Message);
    }

    [Fact]
    public void R5_an_organisation_neither_recommended_nor_industry_cannot_file()
    {
        var outcome = submission.Submit(null, Command(), Evaluation, Facts(recommended: false, industry: false), Batch, At(2020, 10, 9));
        Assert.Equal(ErrorKind.Precondition, outcome.Refusal!.Kind);
        Assert.Equal("R5", outcome.Refusal.Rule);
        Assert.Contains("recommended", outcome.Refusal.Message, StringComparison.Ordinal);
        Assert.Empty(outcome.Events);
        Assert.Equal("R5", outcome.Audit.Rule);
    }

    [Theory]
    [InlineData(PilotWorkPlan.NotReceived, "has been received yet")]
    [InlineData(PilotWorkPlan.ReceivedWithoutBranch, "does not name branch")]
    public void R5_a_branch_not_named_in_a_received_work_plan_cannot_file(PilotWorkPlan plan, string explained)
    {
        var outcome = submission.Submit(null, Command(), Evaluation, Facts(plan: plan), Batch, At(2020, 10, 9));
        Assert.Equal(ErrorKind.Precondition, outcome.Refusal!.Kind);
        Assert.Equal("R5", outcome.Refusal.Rule);
        Assert.Equal("branch_id", outcome.Refusal.Violations[0].Field);
        Assert.Contains(explained, outcome.Refusal.Message, StringComparison.Ordinal);
        Assert.Equal("R5", outcome.Audit.Rule);
        Assert.Empty(outcome.Events);
    }

    [Fact]
    public void R6_a_branch_files_only_where_it_is_registered()
    {
        var outcome = submission.Submit(null, Command(region: Shanghai), Evaluation, Facts(region: Beijing), Batch, At(2020, 10, 9));
        Assert.Equal(ErrorKind.Invalid, outcome.Refusal!.Kind);
        Assert.Equal("R6", outcome.Refusal.Rule);
        Assert.Equal("target_region_code", outcome.Refusal.Violations[0].Field);
        Assert.Contains("北京市", outcome.Refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("another organisation")]
    [InlineData("right org id, department role")]
    [InlineData("bureau of the region")]
    [InlineData("national centre")]
    public void Only_the_branch_organisation_may_file(string who)
    {
        var caller = who switch
        {
            "another organisation" => Evaluation with { Org = "eval-org-2" },
            "right org id, department role" => Department with { Org = EvaluationOrg },
            "bureau of the region" => BeijingBureau,
            _ => NationalCentre,
        };

        var outcome = submission.Submit(null, Command(), caller, Facts(), Batch, At(2020, 10, 9));

        Assert.Equal(ErrorKind.Forbidden, outcome.Refusal!.Kind);
        Assert.Equal(AuditOutcome.Refused, outcome.Audit.Outcome);
        Assert.Equal(caller.Subject, outcome.Audit.Subject);
    }

    [Fact]
    public void An_unknown_branch_is_not_found()
    {
        var outcome = submission.Submit(null, Command(), Evaluation, null, Batch, At(2020, 10, 9));
        Assert.Equal(ErrorKind.NotFound, outcome.Refusal!.Kind);
    }

    [Theory]
    [InlineData("110100", "target_region_code")] // a city, not a province-level region
    [InlineData("", "occupations")]
    [InlineData("6-18-2-4", "occupations[0].code")]
    [InlineData("twice", "occupations[1]")]
    public void Malformed_requests_are_invalid(string problem, string field)
    {
        var command = problem switch
        {
            "110100" => Command(region: "110100"),
            "" => Command() with { Occupations = [] },
            "6-18-2-4" => Command() with { Occupations = [new("6-18-2-4")] },
            _ => Command() with { Occupations = [new("6-18-02-04"), new("6-18-02-04")] },
        };

        var outcome = submission.Submit(null, command, Evaluation, Facts(), Batch, At(2020, 10, 9));

        Assert.Equal(ErrorKind.Invalid, outcome.Refusal!.Kind);
        Assert.Equal(field, outcome.Refusal.Violations[0].Field);
    }

    [Fact]
    public void A_late_filing_is_accepted_and_marked_late_in_working_days()
    {
        // Due Saturday 10 October 2020 (a make-up working day); Sunday 11th is off, Monday 12th is not.
        var outcome = submission.Submit(null, Command(), Evaluation, Facts(), Batch, At(2020, 10, 12));

        var lateness = outcome.State!.Lateness;
        Assert.Equal(new DateOnly(2020, 10, 10), lateness.DueDate);
        Assert.Equal(2, lateness.CalendarDaysLate);
        Assert.Equal(1, lateness.WorkingDaysLate);
        Assert.True(Assert.IsType<FilingSubmitted>(outcome.Events[0]).Lateness.IsLate);
    }

    [Fact]
    public void A_pending_or_accepted_filing_cannot_be_submitted_again()
    {
        var pending = submission.Submit(null, Command(), Evaluation, Facts(), Batch, At(2020, 10, 9)).State!;
        var again = submission.Submit(pending, Command(expectedVersion: 1), Evaluation, Facts(), Batch, At(2020, 10, 9));
        Assert.Equal(ErrorKind.Precondition, again.Refusal!.Kind);

        var accepted = FilingReview.Accept(pending, new AcceptFiling("r2", pending.FilingId, 1, "京备2020-001", new DateOnly(2020, 10, 9)), BeijingBureau, null, At(2020, 10, 9, 15)).State!;
        var afterAcceptance = submission.Submit(accepted, Command(expectedVersion: 2), Evaluation, Facts(), Batch, At(2020, 10, 10));
        Assert.Equal(ErrorKind.Precondition, afterAcceptance.Refusal!.Kind);
        Assert.Contains("京备2020-001", afterAcceptance.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_filing_may_be_resubmitted_and_keeps_its_history()
    {
        var pending = submission.Submit(null, Command(), Evaluation, Facts(), Batch, At(2020, 10, 9)).State!;
        var rejected = FilingReview.Reject(pending, new RejectFiling("r2", pending.FilingId, 1, "营业执照复印件不清晰"), BeijingBureau, At(2020, 10, 9, 15)).State!;

        var outcome = submission.Submit(rejected, Command(expectedVersion: 2) with { RequestId = "r3" }, Evaluation, Facts(), Batch, At(2020, 10, 12));

        var again = outcome.State!;
        Assert.Equal(FilingStatus.Submitted, again.Status);
        Assert.Equal(3, again.Version);
        Assert.Equal(2, again.Attempt);
        Assert.Null(again.Decision);
        Assert.Equal("营业执照复印件不清晰", Assert.Single(again.PastDecisions).Reason);
        Assert.True(again.Lateness.IsLate);
        Assert.Equal(2, Assert.IsType<FilingSubmitted>(outcome.Events[0]).Attempt);
    }

    [Fact]
    public void A_resubmission_on_a_stale_version_is_a_conflict()
    {
        var pending = submission.Submit(null, Command(), Evaluation, Facts(), Batch, At(2020, 10, 9)).State!;
        var rejected = FilingReview.Reject(pending, new RejectFiling("r2", pending.FilingId, 1, "不符合要求"), BeijingBureau, At(2020, 10, 9, 15)).State!;

        var outcome = submission.Submit(rejected, Command(expectedVersion: 1), Evaluation, Facts(), Batch, At(2020, 10, 12));

        Assert.Equal(ErrorKind.Conflict, outcome.Refusal!.Kind);
    }

    private static SubmitFiling Command(string region = Beijing, long expectedVersion = 0) =>
        new("req-1", "2020", Branch, region, Occupations, expectedVersion);
}
