using Pilot.Filing.Domain.Auditing;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Events;
using Contracts = Pilot.Filing.IntegrationEvents;
using IntegrationEventMapper = Pilot.Filing.IntegrationEvents.IntegrationEventMapper;
using Pilot.Filing.Domain.Files;
using Pilot.Filing.Domain.Materials;
using Pilot.Filing.Domain.Packages;
using Pilot.SharedKernel;
using static Pilot.Filing.Tests.Domain.TestData;
using Pilot.SharedKernel.Files;

namespace Pilot.Filing.Tests.Domain;

public sealed class PackageDecisionsTests
{
    private readonly PackageDecisions decisions = new(WorkingDayCalendar.MainlandChina, UploadLimits.Default);

    [Theory]
    [InlineData(SubmitterKind.Department)]
    [InlineData(SubmitterKind.IndustryOrganisation)]
    public void A_complete_package_is_accepted_as_version_1_with_a_receipt(SubmitterKind kind)
    {
        var (caller, org) = kind == SubmitterKind.Department ? (Department, DepartmentOrg) : (Industry, IndustryOrg);
        var now = At(2020, 9, 25);

        var outcome = decisions.Submit(null, Command(org, CompleteDocuments(kind)), caller, Batch, now);

        Assert.True(outcome.Succeeded, outcome.Refusal?.Message);
        var package = outcome.State!;
        Assert.Equal($"2020/{org}", package.PackageId);
        Assert.Equal(kind, package.SubmitterKind);
        Assert.Equal(1, package.Version);
        Assert.Equal(1, package.Current.Number);
        Assert.Equal($"2020-{org}-01", package.Current.Receipt.ReceiptNumber);
        Assert.Equal(now, package.Current.Receipt.ReceivedAt);
        Assert.False(package.Current.Lateness.IsLate);
        Assert.Collection(
            outcome.Events,
            e => Assert.Equal(Contracts.PackageSubmitted.EventType, IntegrationEventMapper.ToOutgoing(e).Type),
            e =>
            {
                var accepted = Assert.IsType<PackageAccepted>(e);
                Assert.Equal("pilot.filing.package-accepted.v1", IntegrationEventMapper.ToOutgoing(accepted).Type);
                Assert.Equal(1, accepted.VersionNumber);
                Assert.Equal(package.Current.Receipt.ReceiptNumber, accepted.ReceiptNumber);
                Assert.Equal(["br-1", "br-2"], accepted.BranchIds);
            });
        Assert.Equal(["br-1", "br-2"], package.Current.BranchIds);
        Assert.True(package.Current.Names("br-2"));
        Assert.False(package.Current.Names("br-3"));
        Assert.Equal(AuditOutcome.Succeeded, outcome.Audit.Outcome);
        Assert.Equal(AuditActions.SubmitPackage, outcome.Audit.Action);
        Assert.Equal(caller.System, outcome.Audit.System);
    }

    [Fact]
    public void The_branch_list_is_checked_entry_by_entry_with_the_documents()
    {
        var command = Command(DepartmentOrg, CompleteDocuments(SubmitterKind.Department)) with { BranchIds = ["br-1", " ", "br 2", "br-1", "br-3"] };

        var outcome = decisions.Submit(null, command, Department, Batch, At(2020, 9, 25));

        Assert.Equal(ErrorKind.Invalid, outcome.Refusal!.Kind);
        Assert.Equal(["branch_ids[1]", "branch_ids[2]", "branch_ids[3]"], outcome.Refusal.Violations.Select(v => v.Field));
        Assert.Contains("more than once", outcome.Refusal.Violations[2].Description, StringComparison.Ordinal);
        Assert.Empty(outcome.Events);
    }

    [Fact]
    public void A_package_may_name_no_branch_and_then_names_none()
    {
        var command = Command(DepartmentOrg, CompleteDocuments(SubmitterKind.Department)) with { BranchIds = [] };

        var outcome = decisions.Submit(null, command, Department, Batch, At(2020, 9, 25));

        Assert.True(outcome.Succeeded, outcome.Refusal?.Message);
        Assert.Empty(outcome.State!.Current.BranchIds!);
        Assert.False(outcome.State.Current.Names("br-1"));
    }

    [Fact]
    public void A_version_handed_in_before_packages_carried_a_branch_list_names_every_branch()
    {
        var legacy = new PackageVersion(1, [], new PackageReceipt("2020-dept-01", At(2020, 9, 25)), Lateness.Of(At(2020, 9, 25), new DateOnly(2020, 9, 30), WorkingDayCalendar.MainlandChina), null, "dept", "req-0");

        Assert.Null(legacy.BranchIds);
        Assert.True(legacy.Names("any-branch"));
    }

    [Fact]
    public void An_incomplete_package_is_refused_with_every_missing_item()
    {
        var documents = CompleteDocuments(SubmitterKind.Department);
        documents.RemoveAll(d => d.DocumentId == MaterialChecklist.RecommendationLetter);
        documents[0] = documents[0] with { Sections = ["goals", "steps-and-schedule"] };
        var plan = documents.Single(d => d.DocumentId == MaterialChecklist.ImplementationPlan);
        documents[documents.IndexOf(plan)] = plan with { Regulations = plan.Regulations.Where(r => r is not ("finance" or "publicity")).ToList() };

        var outcome = decisions.Submit(null, Command(DepartmentOrg, documents), Department, Batch, At(2020, 9, 25));

        Assert.False(outcome.Succeeded);
        Assert.Null(outcome.State);
        var refusal = outcome.Refusal!;
        Assert.Equal(ErrorKind.Invalid, refusal.Kind);
        Assert.Equal("R7", refusal.Rule);
        Assert.Equal(
            [
                "documents[pilot-work-plan].sections[supervision-organisation]",
                "documents[pilot-work-plan].sections[certification-supervision-system]",
                "documents[recommendation-letter]",
                "documents[implementation-plan].regulations[finance]",
                "documents[implementation-plan].regulations[publicity]",
            ],
            refusal.Violations.Select(v => v.Field));
        Assert.Contains("推荐社会培训评价组织的函", refusal.Violations[2].Description, StringComparison.Ordinal);
        var refused = Assert.IsType<PackageRefused>(outcome.Events[^1]);
        Assert.Equal(refusal.Violations, refused.Missing);
        Assert.Equal(Contracts.PackageSubmitted.EventType, IntegrationEventMapper.ToOutgoing(outcome.Events[0]).Type);
        Assert.Equal(AuditOutcome.Refused, outcome.Audit.Outcome);
        Assert.Equal("R7", outcome.Audit.Rule);
    }

    [Fact]
    public void An_empty_package_lists_all_three_documents()
    {
        var outcome = decisions.Submit(null, Command(IndustryOrg, []), Industry, Batch, At(2020, 9, 25));
        Assert.Equal(
            ["documents[pilot-work-plan]", "documents[branch-selection]", "documents[implementation-plan]"],
            outcome.Refusal!.Violations.Select(v => v.Field));
    }

    [Fact]
    public void The_checklist_of_the_other_kind_does_not_count()
    {
        // A department using the industry organisation's document 2 has not handed in its letter.
        var documents = CompleteDocuments(SubmitterKind.IndustryOrganisation);
        var outcome = decisions.Submit(null, Command(DepartmentOrg, documents), Department, Batch, At(2020, 9, 25));
        Assert.Equal(ErrorKind.Invalid, outcome.Refusal!.Kind);
        Assert.Contains(outcome.Refusal.Violations, v => v.Field == "documents[branch-selection]");
        Assert.Empty(outcome.Events);
    }

    public static TheoryData<string, string> MalformedDocuments => new()
    {
        { "unknown-section", "documents[pilot-work-plan].sections[goalz]" },
        { "regulation-on-work-plan", "documents[pilot-work-plan].regulations[finance]" },
        { "unknown-regulation", "documents[implementation-plan].regulations[catering]" },
        { "duplicate", "documents[pilot-work-plan]" },
        { "unknown-document", "documents[annual-report]" },
        { "unknown-format", "documents[pilot-work-plan].file" },
        { "empty-file", "documents[pilot-work-plan].file" },
        { "oversized-file", "documents[pilot-work-plan].file" },
        { "bad-hash", "documents[pilot-work-plan].file.sha256" },
    };

    [Theory]
    [MemberData(nameof(MalformedDocuments))]
    public void Malformed_declarations_are_refused_before_completeness_with_the_field_named(string problem, string field)
    {
        var documents = CompleteDocuments(SubmitterKind.Department);
        var first = documents[0];
        var implementation = documents[2];
        switch (problem)
        {
            case "unknown-section": documents[0] = first with { Sections = [.. first.Sections, "goalz"] }; break;
            case "regulation-on-work-plan": documents[0] = first with { Regulations = ["finance"] }; break;
            case "unknown-regulation": documents[2] = implementation with { Regulations = [.. implementation.Regulations, "catering"] }; break;
            case "duplicate": documents.Add(first); break;
            case "unknown-document": documents.Add(first with { DocumentId = "annual-report" }); break;
            case "unknown-format": documents[0] = first with { File = File(FileKind.Unknown) }; break;
            case "empty-file": documents[0] = first with { File = File(size: 0) }; break;
            case "oversized-file": documents[0] = first with { File = File(size: UploadLimits.DefaultMaxBytes + 1) }; break;
            case "bad-hash": documents[0] = first with { File = File(sha: new string('A', 64)) }; break;
        }

        var outcome = decisions.Submit(null, Command(DepartmentOrg, documents), Department, Batch, At(2020, 9, 25));

        Assert.Equal(ErrorKind.Invalid, outcome.Refusal!.Kind);
        Assert.Null(outcome.Refusal.Rule);
        Assert.Equal(field, Assert.Single(outcome.Refusal.Violations).Field);
        Assert.Empty(outcome.Events);
    }

    [Fact]
    public void Word_and_ofd_files_are_as_good_as_pdf()
    {
        var documents = CompleteDocuments(SubmitterKind.Department);
        documents[0] = documents[0] with { File = File(FileKind.WordOpenXml) };
        documents[1] = documents[1] with { File = File(FileKind.WordBinary) };
        documents[2] = documents[2] with { File = File(FileKind.Ofd) };
        Assert.True(decisions.Submit(null, Command(DepartmentOrg, documents), Department, Batch, At(2020, 9, 25)).Succeeded);
    }

    [Fact]
    public void Replacing_keeps_every_version_and_numbers_them()
    {
        var v1 = Accept(null, At(2020, 9, 20));
        var v2 = Accept(v1, At(2020, 9, 25));
        var v3 = Accept(v2, At(2020, 9, 30, hour: 23));

        Assert.Equal([1, 2, 3], v3.Versions.Select(v => v.Number));
        Assert.Equal(3, v3.Version);
        Assert.Equal(At(2020, 9, 20), v3.Versions[0].Receipt.ReceivedAt);
        Assert.Equal($"2020-{DepartmentOrg}-03", v3.Current.Receipt.ReceiptNumber);
        Assert.Same(v3.Versions, PackageAccess.ListVersions(NationalCentre, v3));
    }

    [Fact]
    public void A_replacement_after_the_plan_milestone_is_refused()
    {
        var v1 = Accept(null, At(2020, 9, 20));
        // 00:30 on 1 October in Beijing, still 30 September in UTC.
        var justAfter = new DateTimeOffset(2020, 9, 30, 16, 30, 0, TimeSpan.Zero);

        var outcome = decisions.Submit(v1, Command(DepartmentOrg, CompleteDocuments(SubmitterKind.Department), expectedVersion: 1), Department, Batch, justAfter);

        Assert.Equal(ErrorKind.Precondition, outcome.Refusal!.Kind);
        Assert.Equal("R8", outcome.Refusal.Rule);
    }

    [Fact]
    public void A_first_package_after_the_milestone_is_accepted_and_marked_late()
    {
        var outcome = decisions.Submit(null, Command(DepartmentOrg, CompleteDocuments(SubmitterKind.Department)), Department, Batch, At(2020, 10, 9));

        var lateness = outcome.State!.Current.Lateness;
        Assert.True(lateness.IsLate);
        Assert.Equal(9, lateness.CalendarDaysLate);
        Assert.Equal(1, lateness.WorkingDaysLate);
        Assert.Equal(lateness, Assert.IsType<PackageAccepted>(outcome.Events[^1]).Lateness);
        Assert.Contains("late", outcome.Audit.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(2L)]
    public void A_stale_expected_version_is_a_conflict(long expected)
    {
        var v1 = Accept(null, At(2020, 9, 20));
        var outcome = decisions.Submit(v1, Command(DepartmentOrg, CompleteDocuments(SubmitterKind.Department), expectedVersion: expected), Department, Batch, At(2020, 9, 21));
        Assert.Equal(ErrorKind.Conflict, outcome.Refusal!.Kind);
    }

    [Theory]
    [InlineData("another department")]
    [InlineData("same org id, evaluation role")]
    [InlineData("bureau")]
    [InlineData("national centre")]
    [InlineData("anonymous")]
    public void Only_the_sponsor_in_a_sponsor_role_may_hand_in(string who)
    {
        var caller = who switch
        {
            "another department" => Department with { Org = "dept-other" },
            "same org id, evaluation role" => Evaluation with { Org = DepartmentOrg },
            "bureau" => BeijingBureau,
            "national centre" => NationalCentre,
            _ => Caller.Anonymous,
        };
        var outcome = decisions.Submit(null, Command(DepartmentOrg, CompleteDocuments(SubmitterKind.Department)), caller, Batch, At(2020, 9, 25));

        Assert.Equal(ErrorKind.Forbidden, outcome.Refusal!.Kind);
        Assert.Empty(outcome.Events);
        Assert.Equal(AuditOutcome.Refused, outcome.Audit.Outcome);
        Assert.Equal(ErrorKind.Forbidden, outcome.Audit.RefusalKind);
        Assert.Equal(caller.Subject, outcome.Audit.Subject);
    }

    [Theory]
    [InlineData("2020-09-26", "letter_date")] // tomorrow
    [InlineData("2019-12-31", "letter_date")] // before the pilot
    public void A_letter_date_in_the_future_or_before_the_pilot_is_invalid(string letterDate, string field)
    {
        var command = Command(DepartmentOrg, CompleteDocuments(SubmitterKind.Department)) with { LetterDate = DateOnly.Parse(letterDate) };
        var outcome = decisions.Submit(null, command, Department, Batch, At(2020, 9, 25));
        Assert.Equal(ErrorKind.Invalid, outcome.Refusal!.Kind);
        Assert.Equal(field, outcome.Refusal.Violations[0].Field);
    }

    [Fact]
    public void A_letter_dated_today_is_kept()
    {
        var command = Command(DepartmentOrg, CompleteDocuments(SubmitterKind.Department)) with { LetterDate = new DateOnly(2020, 9, 25) };
        Assert.Equal(new DateOnly(2020, 9, 25), decisions.Submit(null, command, Department, Batch, At(2020, 9, 25)).State!.Current.LetterDate);
    }

    [Fact]
    public void A_command_for_another_batch_or_without_request_id_is_invalid()
    {
        var wrongBatch = Command(DepartmentOrg, CompleteDocuments(SubmitterKind.Department)) with { BatchId = "2021" };
        Assert.Equal("batch_id", decisions.Submit(null, wrongBatch, Department, Batch, At(2020, 9, 25)).Refusal!.Violations[0].Field);

        var noRequest = Command(DepartmentOrg, CompleteDocuments(SubmitterKind.Department)) with { RequestId = " " };
        Assert.Equal("request_id", decisions.Submit(null, noRequest, Department, Batch, At(2020, 9, 25)).Refusal!.Violations[0].Field);
    }

    [Fact]
    public void Versions_are_visible_to_the_sponsor_and_the_centre_only()
    {
        var package = Accept(null, At(2020, 9, 20));
        Assert.True(PackageAccess.MayRead(Department, package));
        Assert.True(PackageAccess.MayRead(NationalCentre, package));
        Assert.Equal(ErrorKind.Forbidden, Assert.Throws<DomainException>(() => PackageAccess.ListVersions(Industry, package)).Kind);
        Assert.Equal(ErrorKind.Forbidden, Assert.Throws<DomainException>(() => PackageAccess.ListVersions(BeijingBureau, package)).Kind);
    }

    private MaterialPackage Accept(MaterialPackage? current, DateTimeOffset now)
    {
        var command = Command(DepartmentOrg, CompleteDocuments(SubmitterKind.Department), expectedVersion: current?.Version ?? 0) with
        {
            RequestId = $"req-{now:O}",
        };
        return decisions.Submit(current, command, Department, Batch, now).GetStateOrThrow();
    }

    private static SubmitPackage Command(string org, IReadOnlyList<PackageDocument> documents, long expectedVersion = 0) =>
        new("req-1", "2020", org, expectedVersion, documents, ["br-1", "br-2"]);
}
