using System.Globalization;
using Grpc.Core;
using Pilot.Filing.Tests.Domain;
using Pilot.Filing.Tests.Grpc.Support;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;
using DomainSubmitterKind = Pilot.Filing.Domain.Materials.SubmitterKind;

namespace Pilot.Filing.Tests.Grpc;

public sealed class DueItemsTests(FilingFactory factory) : IClassFixture<FilingFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly Scenario scenario = new(factory);

    [Fact]
    public async Task Open_items_near_the_milestone_are_listed_for_reminders_and_done_ones_are_not()
    {
        const string batch = FilingFactory.PlannedBatch;
        var rejectedBranch = scenario.Branch(batch: batch);
        var rejected = await scenario.FileAsync(rejectedBranch, batch);
        await scenario.Client.RejectFilingAsync(new RejectFilingRequest
        {
            RequestId = Scenario.Unique("req"), FilingId = rejected.FilingId, ExpectedVersion = rejected.Version, Reason = "缺少场地证明",
        }, scenario.Bureau(Scenario.Beijing), cancellationToken: Ct);
        var pending = await scenario.FileAsync(scenario.Branch(batch: batch), batch);

        var (refusedOrg, refusedCaller) = scenario.Sponsor(DomainSubmitterKind.Department);
        var file = await scenario.UploadAsync(refusedCaller, refusedOrg, SampleFiles.Pdf(), batch: batch);
        var incomplete = Scenario.CompletePackage(DomainSubmitterKind.Department, refusedOrg, file.Sha256, batch);
        incomplete.Documents.RemoveAt(0);
        await Scenario.RefusedAsync(() => scenario.Client.SubmitPackageAsync(incomplete, refusedCaller, cancellationToken: Ct).ResponseAsync);

        var due = await scenario.Client.ListDueItemsAsync(
            new ListDueItemsRequest { BatchId = batch, WithinWorkingDays = 250, IncludeOverdue = true, Today = Iso(FilingFactory.PlannedToday) },
            scenario.As(Roles.Platform), cancellationToken: Ct);

        var filingItem = Assert.Single(due.Items, i => i.ItemId == rejected.FilingId);
        Assert.Equal(TrackedItemKind.LocalFiling, filingItem.Kind);
        Assert.Equal(rejectedBranch.OrgId, filingItem.ResponsibleOrgId);
        Assert.Equal(Iso(FilingFactory.PlannedFilingGuidance), filingItem.DueDate);
        Assert.False(filingItem.Overdue);
        Assert.Contains(due.Items, i => i.ResponsibleOrgId == refusedOrg && i.Kind == TrackedItemKind.MaterialPackage);
        Assert.DoesNotContain(due.Items, i => i.ItemId == pending.FilingId);
    }

    [Fact]
    public async Task A_narrow_window_leaves_out_items_due_later_and_a_planned_day_brings_them_in()
    {
        const string batch = FilingFactory.PlannedBatch;
        var rejected = await scenario.FileAsync(scenario.Branch(batch: batch), batch);
        await scenario.Client.RejectFilingAsync(new RejectFilingRequest
        {
            RequestId = Scenario.Unique("req"), FilingId = rejected.FilingId, ExpectedVersion = rejected.Version, Reason = "补充材料",
        }, scenario.Bureau(Scenario.Beijing), cancellationToken: Ct);

        var early = await scenario.Client.ListDueItemsAsync(
            new ListDueItemsRequest { BatchId = batch, WithinWorkingDays = 1, Today = Iso(FilingFactory.PlannedToday) }, scenario.NationalCentre(), cancellationToken: Ct);
        var dayBefore = Iso(FilingFactory.PlannedFilingGuidance.AddDays(-1));
        var later = await scenario.Client.ListDueItemsAsync(
            new ListDueItemsRequest { BatchId = batch, WithinWorkingDays = 1, Today = dayBefore }, scenario.NationalCentre(), cancellationToken: Ct);

        Assert.DoesNotContain(early.Items, i => i.ItemId == rejected.FilingId);
        Assert.Contains(later.Items, i => i.ItemId == rejected.FilingId);
    }

    [Fact]
    public async Task Working_days_up_to_a_milestone_in_a_year_without_calendar_data_are_refused_naming_the_year()
    {
        // OpenBatch's milestones lie 20–60 days ahead; planned from the last day of 2026 they all lie in 2027, a year
        // whose official holidays are not installed: counting weekends only would give wrong reminders.
        var rejected = await scenario.FileAsync(scenario.Branch());
        await scenario.Client.RejectFilingAsync(new RejectFilingRequest
        {
            RequestId = Scenario.Unique("req"), FilingId = rejected.FilingId, ExpectedVersion = rejected.Version, Reason = "补充材料",
        }, scenario.Bureau(Scenario.Beijing), cancellationToken: Ct);
        var year = FilingFactory.Today.AddDays(40).Year;
        Assert.SkipWhen(WorkingDayCalendar.MainlandChina.HasOfficialSchedule(year), $"the calendar covers {year}: nothing to refuse");

        var error = await Scenario.RefusedAsync(() => scenario.Client.ListDueItemsAsync(
            new ListDueItemsRequest { BatchId = FilingFactory.OpenBatch, WithinWorkingDays = 250 }, scenario.NationalCentre(), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains(year.ToString(CultureInfo.InvariantCulture), error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_queries_and_other_roles_are_refused()
    {
        var farFuture = await Scenario.RefusedAsync(() => scenario.Client.ListDueItemsAsync(
            new ListDueItemsRequest { BatchId = FilingFactory.OpenBatch, Today = "2200-01-01" }, scenario.NationalCentre(), cancellationToken: Ct).ResponseAsync);
        var window = await Scenario.RefusedAsync(() => scenario.Client.ListDueItemsAsync(
            new ListDueItemsRequest { BatchId = FilingFactory.OpenBatch, WithinWorkingDays = -1 }, scenario.NationalCentre(), cancellationToken: Ct).ResponseAsync);
        var unknownBatch = await Scenario.RefusedAsync(() => scenario.Client.ListDueItemsAsync(
            new ListDueItemsRequest { BatchId = "nope" }, scenario.NationalCentre(), cancellationToken: Ct).ResponseAsync);
        var bureau = await Scenario.RefusedAsync(() => scenario.Client.ListDueItemsAsync(
            new ListDueItemsRequest { BatchId = FilingFactory.OpenBatch }, scenario.Bureau(Scenario.Beijing), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, farFuture.StatusCode);
        Assert.Contains("today", Scenario.Fields(farFuture));
        Assert.Equal(StatusCode.InvalidArgument, window.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknownBatch.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, bureau.StatusCode);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
