using Grpc.Core;
using Pilot.Filing.IntegrationEvents;
using Pilot.Filing.Domain.Materials;
using Pilot.Filing.Tests.Domain;
using Pilot.Filing.Tests.Grpc.Support;
using Pilot.Protos.Filing;
using DomainSubmitterKind = Pilot.Filing.Domain.Materials.SubmitterKind;

namespace Pilot.Filing.Tests.Grpc;

public sealed class PackageTests(FilingFactory factory) : IClassFixture<FilingFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly Scenario scenario = new(factory);

    [Theory]
    [InlineData(DomainSubmitterKind.Department)]
    [InlineData(DomainSubmitterKind.IndustryOrganisation)]
    public async Task A_complete_package_is_accepted_with_a_receipt_and_announced(DomainSubmitterKind kind)
    {
        var (org, caller) = scenario.Sponsor(kind);
        var file = await scenario.UploadAsync(caller, org, SampleFiles.Pdf());

        var package = await scenario.Client.SubmitPackageAsync(Scenario.CompletePackage(kind, org, file.Sha256), caller, cancellationToken: Ct);

        Assert.Equal(1, package.Version);
        Assert.Equal(Scenario.ToProto(kind), package.SubmitterKind);
        var version = Assert.Single(package.Versions);
        Assert.Equal($"{FilingFactory.OpenBatch}-{org}-01", version.ReceiptNumber);
        Assert.False(version.Lateness.IsLate);
        Assert.All(version.Documents, document => Assert.Equal(file.Sha256, document.File.Sha256));
        var events = await scenario.EventsAboutAsync(package.PackageId);
        Assert.Equal([PackageSubmitted.EventType, PackageAccepted.EventType], events.Select(e => e.Type));
    }

    [Fact]
    public async Task An_incomplete_package_is_refused_with_everything_missing_and_the_refusal_announced_once()
    {
        var (org, caller) = scenario.Sponsor(DomainSubmitterKind.Department);
        var file = await scenario.UploadAsync(caller, org, SampleFiles.Docx(), "plan.docx");
        var request = Scenario.CompletePackage(DomainSubmitterKind.Department, org, file.Sha256);
        request.Documents.RemoveAt(1);
        request.Documents[0].Sections.Clear();

        var error = await Scenario.RefusedAsync(() => scenario.Client.SubmitPackageAsync(request, caller, cancellationToken: Ct).ResponseAsync);
        var retried = await Scenario.RefusedAsync(() => scenario.Client.SubmitPackageAsync(request, caller, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("R7", Scenario.Reason(error));
        var fields = Scenario.Fields(error);
        Assert.Contains($"documents[{MaterialChecklist.RecommendationLetter}]", fields);
        Assert.Contains($"documents[{MaterialChecklist.PilotWorkPlan}].sections[goals]", fields);
        Assert.Equal(1 + 4, fields.Count);
        Assert.Equal(fields, Scenario.Fields(retried));

        var events = await scenario.EventsAboutAsync($"{FilingFactory.OpenBatch}/{org}");
        Assert.Equal([PackageSubmitted.EventType, PackageRefused.EventType], events.Select(e => e.Type));
        var notFound = await Scenario.RefusedAsync(() => scenario.Client.GetPackageAsync(
            new GetPackageRequest { BatchId = FilingFactory.OpenBatch, SponsorOrgId = org }, caller, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
    }

    [Fact]
    public async Task A_package_is_replaced_before_the_deadline_and_every_version_is_kept()
    {
        var (org, caller) = scenario.Sponsor(DomainSubmitterKind.IndustryOrganisation);
        var first = await scenario.UploadAsync(caller, org, SampleFiles.Pdf());
        var second = await scenario.UploadAsync(caller, org, SampleFiles.Ofd(), "plan.ofd");
        await scenario.Client.SubmitPackageAsync(Scenario.CompletePackage(DomainSubmitterKind.IndustryOrganisation, org, first.Sha256), caller, cancellationToken: Ct);

        var replaced = await scenario.Client.SubmitPackageAsync(
            Scenario.CompletePackage(DomainSubmitterKind.IndustryOrganisation, org, second.Sha256, expectedVersion: 1), caller, cancellationToken: Ct);
        var read = await scenario.Client.GetPackageAsync(
            new GetPackageRequest { BatchId = FilingFactory.OpenBatch, SponsorOrgId = org }, scenario.NationalCentre(), cancellationToken: Ct);

        Assert.Equal(2, replaced.Version);
        Assert.Equal([1, 2], read.Versions.Select(v => v.Number));
        Assert.Equal(first.Sha256, read.Versions[0].Documents[0].File.Sha256);
        Assert.Equal(second.Sha256, read.Versions[1].Documents[0].File.Sha256);
        Assert.Equal(FileKind.Ofd, read.Versions[1].Documents[0].File.Kind);
    }

    [Fact]
    public async Task A_stale_expected_version_is_refused_as_aborted()
    {
        var (org, caller) = scenario.Sponsor(DomainSubmitterKind.Department);
        var file = await scenario.UploadAsync(caller, org, SampleFiles.Pdf());
        await scenario.Client.SubmitPackageAsync(Scenario.CompletePackage(DomainSubmitterKind.Department, org, file.Sha256), caller, cancellationToken: Ct);

        var error = await Scenario.RefusedAsync(() => scenario.Client.SubmitPackageAsync(
            Scenario.CompletePackage(DomainSubmitterKind.Department, org, file.Sha256, expectedVersion: 0), caller, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
    }

    [Fact]
    public async Task A_late_package_is_accepted_and_marked_late_but_cannot_be_replaced_after_the_deadline()
    {
        var (org, caller) = scenario.Sponsor(DomainSubmitterKind.Department);
        var file = await scenario.UploadAsync(caller, org, SampleFiles.Pdf(), batch: FilingFactory.PastBatch);

        var package = await scenario.Client.SubmitPackageAsync(
            Scenario.CompletePackage(DomainSubmitterKind.Department, org, file.Sha256, FilingFactory.PastBatch), caller, cancellationToken: Ct);
        var replacement = await Scenario.RefusedAsync(() => scenario.Client.SubmitPackageAsync(
            Scenario.CompletePackage(DomainSubmitterKind.Department, org, file.Sha256, FilingFactory.PastBatch, expectedVersion: 1), caller, cancellationToken: Ct).ResponseAsync);

        var lateness = package.Versions[0].Lateness;
        Assert.True(lateness.IsLate);
        Assert.Equal("2020-09-30", lateness.DueDate);
        Assert.Equal(FilingFactory.Today.DayNumber - new DateOnly(2020, 9, 30).DayNumber, lateness.CalendarDaysLate);
        Assert.Equal(StatusCode.FailedPrecondition, replacement.StatusCode);
        Assert.Equal("R8", Scenario.Reason(replacement));
    }

    [Fact]
    public async Task A_retried_request_id_gives_the_same_receipt_and_one_version()
    {
        var (org, caller) = scenario.Sponsor(DomainSubmitterKind.Department);
        var file = await scenario.UploadAsync(caller, org, SampleFiles.Pdf());
        var request = Scenario.CompletePackage(DomainSubmitterKind.Department, org, file.Sha256);

        var first = await scenario.Client.SubmitPackageAsync(request, caller, cancellationToken: Ct);
        var retry = await scenario.Client.SubmitPackageAsync(request, caller, cancellationToken: Ct);

        Assert.Equal(first, retry);
        Assert.Equal(2, (await scenario.EventsAboutAsync(first.PackageId)).Count);
    }

    [Fact]
    public async Task Bad_declarations_are_refused_with_the_fields_at_fault()
    {
        var (org, caller) = scenario.Sponsor(DomainSubmitterKind.Department);
        var file = await scenario.UploadAsync(caller, org, SampleFiles.Pdf());

        var unknownFile = Scenario.CompletePackage(DomainSubmitterKind.Department, org, new string('0', 64));
        var notUploaded = await Scenario.RefusedAsync(() => scenario.Client.SubmitPackageAsync(unknownFile, caller, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, notUploaded.StatusCode);
        Assert.Contains("documents[0].sha256", Scenario.Fields(notUploaded));

        var typo = Scenario.CompletePackage(DomainSubmitterKind.Department, org, file.Sha256);
        typo.Documents[0].Sections.Add("goalz");
        var badSection = await Scenario.RefusedAsync(() => scenario.Client.SubmitPackageAsync(typo, caller, cancellationToken: Ct).ResponseAsync);
        Assert.Contains($"documents[{MaterialChecklist.PilotWorkPlan}].sections[goalz]", Scenario.Fields(badSection));

        var future = Scenario.CompletePackage(DomainSubmitterKind.Department, org, file.Sha256);
        future.LetterDate = "2200-01-01";
        var farFuture = await Scenario.RefusedAsync(() => scenario.Client.SubmitPackageAsync(future, caller, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, farFuture.StatusCode);
        Assert.Contains("letter_date", Scenario.Fields(farFuture));

        var noRequestId = Scenario.CompletePackage(DomainSubmitterKind.Department, org, file.Sha256);
        noRequestId.RequestId = "";
        var missingId = await Scenario.RefusedAsync(() => scenario.Client.SubmitPackageAsync(noRequestId, caller, cancellationToken: Ct).ResponseAsync);
        Assert.Contains("request_id", Scenario.Fields(missingId));
    }

    [Fact]
    public async Task Only_the_sponsor_hands_in_and_only_it_and_the_national_centre_read_its_package()
    {
        var (org, caller) = scenario.Sponsor(DomainSubmitterKind.Department);
        var file = await scenario.UploadAsync(caller, org, SampleFiles.Pdf());
        var (_, other) = scenario.Sponsor(DomainSubmitterKind.Department);

        var foreign = await Scenario.RefusedAsync(() => scenario.Client.SubmitPackageAsync(
            Scenario.CompletePackage(DomainSubmitterKind.Department, org, file.Sha256), other, cancellationToken: Ct).ResponseAsync);
        await scenario.Client.SubmitPackageAsync(Scenario.CompletePackage(DomainSubmitterKind.Department, org, file.Sha256), caller, cancellationToken: Ct);
        var read = await Scenario.RefusedAsync(() => scenario.Client.GetPackageAsync(
            new GetPackageRequest { BatchId = FilingFactory.OpenBatch, SponsorOrgId = org }, other, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, read.StatusCode);
    }
}
