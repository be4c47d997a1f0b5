using Grpc.Core;
using Pilot.Filing.IntegrationEvents;
using Pilot.Filing.Tests.Grpc.Support;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;
using PilotWorkPlan = Pilot.Filing.Domain.Filings.PilotWorkPlan;

namespace Pilot.Filing.Tests.Grpc;

public sealed class SubmitFilingTests(FilingFactory factory) : IClassFixture<FilingFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly Scenario scenario = new(factory);

    [Fact]
    public async Task A_branch_files_with_the_bureau_of_its_region_and_the_filing_is_announced()
    {
        var branch = scenario.Branch(Scenario.Shanghai);

        var filing = await scenario.FileAsync(branch);

        Assert.Equal(FilingStatus.Submitted, filing.Status);
        Assert.Equal(1, filing.Version);
        Assert.Equal(Scenario.Shanghai, filing.Region.Code);
        Assert.Equal(branch.CreditCode, filing.BranchCreditCode);
        Assert.False(filing.Lateness.IsLate);
        var (type, data) = Assert.Single(await scenario.EventsAboutAsync(filing.FilingId));
        Assert.Equal(FilingSubmitted.EventType, type);
        Assert.Equal(Scenario.Shanghai, data.GetProperty("regionCode").GetString());
    }

    [Fact]
    public async Task A_retried_filing_gets_its_first_answer_even_while_the_registry_cannot_be_reached()
    {
        var branch = scenario.Branch();
        var request = Scenario.FilingRequest(branch);
        var first = await scenario.Client.SubmitFilingAsync(request, branch.Caller, cancellationToken: Ct);
        factory.Branches.MakeUnreachable(branch.Id);

        var retried = await scenario.Client.SubmitFilingAsync(request, branch.Caller, cancellationToken: Ct);
        var other = Scenario.FilingRequest(branch);
        var newRequest = await Scenario.RefusedAsync(() => scenario.Client.SubmitFilingAsync(other, branch.Caller, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(first, retried);
        Assert.Equal(StatusCode.Unavailable, newRequest.StatusCode);
    }

    [Fact]
    public async Task A_filing_after_the_milestone_is_accepted_and_marked_late()
    {
        var branch = scenario.Branch(batch: FilingFactory.PastBatch);
        var filing = await scenario.FileAsync(branch, FilingFactory.PastBatch);
        Assert.True(filing.Lateness.IsLate);
        Assert.Equal("2020-10-10", filing.Lateness.DueDate);
        Assert.True(filing.Lateness.WorkingDaysLate > 0);
    }

    [Fact]
    public async Task R5_refuses_a_branch_of_an_organisation_that_is_not_recommended()
    {
        var branch = scenario.Branch(recommended: false);
        var error = await Scenario.RefusedAsync(() => scenario.FileAsync(branch));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("R5", Scenario.Reason(error));
        Assert.Empty(await scenario.EventsAboutAsync($"{FilingFactory.OpenBatch}/{branch.Id}"));
    }

    [Theory]
    [InlineData(PilotWorkPlan.NotReceived)]
    [InlineData(PilotWorkPlan.ReceivedWithoutBranch)]
    public async Task R5_refuses_a_branch_whose_pilot_work_plan_has_not_been_received_or_does_not_name_it(PilotWorkPlan plan)
    {
        var branch = scenario.Branch(plan: plan);
        var error = await Scenario.RefusedAsync(() => scenario.FileAsync(branch));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("R5", Scenario.Reason(error));
        Assert.Contains(branch.Id, error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("pilot work plan", error.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(await scenario.EventsAboutAsync($"{FilingFactory.OpenBatch}/{branch.Id}"));
    }

    [Fact]
    public async Task R6_refuses_filing_in_another_region_than_where_the_branch_is_registered()
    {
        var branch = scenario.Branch(Scenario.Beijing);
        var request = Scenario.FilingRequest(branch);
        request.RegionCode = Scenario.Shanghai;

        var error = await Scenario.RefusedAsync(() => scenario.Client.SubmitFilingAsync(request, branch.Caller, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("R6", Scenario.Reason(error));
    }

    [Theory]
    [InlineData("region_code", "990000")]
    [InlineData("region_code", "Beijing")]
    [InlineData("branch_credit_code", "wrong-check")]
    [InlineData("branch_credit_code", "91110000")]
    [InlineData("occupations[0].code", "6.18.02.04")]
    public async Task Bad_input_is_refused_naming_the_field(string field, string value)
    {
        var branch = scenario.Branch();
        var request = Scenario.FilingRequest(branch);
        switch (field)
        {
            case "region_code":
                request.RegionCode = value;
                break;
            case "branch_credit_code":
                request.BranchCreditCode = value == "wrong-check" ? CreditCodes.WithWrongCheck() : value;
                break;
            default:
                request.Occupations[0].Code = value;
                break;
        }

        var error = await Scenario.RefusedAsync(() => scenario.Client.SubmitFilingAsync(request, branch.Caller, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(Scenario.Fields(error), f => f == field || (field == "region_code" && f == "target_region_code"));
    }

    [Fact]
    public async Task No_occupations_is_refused()
    {
        var branch = scenario.Branch();
        var request = Scenario.FilingRequest(branch);
        request.Occupations.Clear();
        var error = await Scenario.RefusedAsync(() => scenario.Client.SubmitFilingAsync(request, branch.Caller, cancellationToken: Ct).ResponseAsync);
        Assert.Contains("occupations", Scenario.Fields(error));
    }

    [Fact]
    public async Task An_unknown_branch_is_not_found_and_another_organisation_may_not_file_it()
    {
        var branch = scenario.Branch();
        var unknown = Scenario.FilingRequest(branch with { Id = "no-such-branch" });
        var notFound = await Scenario.RefusedAsync(() => scenario.Client.SubmitFilingAsync(unknown, branch.Caller, cancellationToken: Ct).ResponseAsync);

        var stranger = scenario.As(Roles.EvaluationOrg, org: "someone-else");
        var forbidden = await Scenario.RefusedAsync(() => scenario.Client.SubmitFilingAsync(Scenario.FilingRequest(branch), stranger, cancellationToken: Ct).ResponseAsync);

        var bureau = await Scenario.RefusedAsync(() => scenario.Client.SubmitFilingAsync(Scenario.FilingRequest(branch), scenario.Bureau(Scenario.Beijing), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, forbidden.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, bureau.StatusCode);
    }

    [Fact]
    public async Task A_second_filing_while_the_first_awaits_a_decision_is_refused()
    {
        var branch = scenario.Branch();
        var first = await scenario.FileAsync(branch);
        var error = await Scenario.RefusedAsync(() => scenario.Client.SubmitFilingAsync(
            Scenario.FilingRequest(branch, expectedVersion: first.Version), branch.Caller, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task An_unknown_batch_is_not_found()
    {
        var branch = scenario.Branch();
        var error = await Scenario.RefusedAsync(() => scenario.Client.SubmitFilingAsync(
            Scenario.FilingRequest(branch, batch: "2099"), branch.Caller, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
