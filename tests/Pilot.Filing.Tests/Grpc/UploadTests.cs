using System.Security.Cryptography;
using Grpc.Core;
using Pilot.Filing.Tests.Domain;
using Pilot.Filing.Tests.Grpc.Support;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;
using DomainSubmitterKind = Pilot.Filing.Domain.Materials.SubmitterKind;

namespace Pilot.Filing.Tests.Grpc;

public sealed class UploadTests(FilingFactory factory) : IClassFixture<FilingFactory>
{
    private readonly Scenario scenario = new(factory);

    public static TheoryData<string, byte[], FileKind> Accepted => new()
    {
        { "plan.pdf", SampleFiles.Pdf(), FileKind.Pdf },
        { "plan.docx", SampleFiles.Docx(), FileKind.WordOpenXml },
        { "plan.doc", SampleFiles.LegacyWord(), FileKind.WordBinary },
        { "plan.ofd", SampleFiles.Ofd(), FileKind.Ofd },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task A_document_is_stored_under_its_sha256_with_the_kind_its_bytes_show(string fileName, byte[] content, FileKind kind)
    {
        var (org, caller) = scenario.Sponsor(DomainSubmitterKind.Department);

        var uploaded = await scenario.UploadAsync(caller, org, content, fileName, chunkSize: 100);

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        Assert.Equal(sha256, uploaded.Sha256);
        Assert.Equal(kind, uploaded.Kind);
        Assert.Equal(content.Length, uploaded.Size);
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(factory.BlobFolder, sha256[..2], sha256), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_text_file_named_pdf_is_refused_because_its_content_is_checked()
    {
        var (org, caller) = scenario.Sponsor(DomainSubmitterKind.Department);
        var error = await Scenario.RefusedAsync(() => scenario.UploadAsync(caller, org, SampleFiles.PlainText(), "plan.pdf"));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("not a PDF", error.Status.Detail, StringComparison.Ordinal);
        AssertNothingStored(SampleFiles.PlainText());
    }

    [Fact]
    public async Task A_file_over_the_configured_limit_is_refused_and_not_kept()
    {
        var (org, caller) = scenario.Sponsor(DomainSubmitterKind.Department);
        var oversized = SampleFiles.Pdf().Concat(new byte[FilingFactory.MaxUploadBytes]).ToArray();

        var error = await Scenario.RefusedAsync(() => scenario.UploadAsync(caller, org, oversized));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(new Pilot.Filing.Domain.Files.UploadLimits(FilingFactory.MaxUploadBytes).Describe(), error.Status.Detail, StringComparison.Ordinal);
        AssertNothingStored(oversized);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(factory.BlobFolder, ".staging")));
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var (org, caller) = scenario.Sponsor(DomainSubmitterKind.IndustryOrganisation);
        var error = await Scenario.RefusedAsync(() => scenario.UploadAsync(caller, org, []));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Chunks_before_the_metadata_are_refused()
    {
        var (_, caller) = scenario.Sponsor(DomainSubmitterKind.Department);
        using var call = scenario.Client.UploadDocument(caller, cancellationToken: TestContext.Current.CancellationToken);
        await call.RequestStream.WriteAsync(new UploadDocumentRequest { Chunk = Google.Protobuf.ByteString.CopyFrom(SampleFiles.Pdf()) }, TestContext.Current.CancellationToken);
        await call.RequestStream.CompleteAsync();

        var error = await Scenario.RefusedAsync(() => call.ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("metadata", Scenario.Fields(error));
    }

    [Fact]
    public async Task Uploading_for_another_organisation_or_as_an_evaluation_organisation_is_refused()
    {
        var (_, caller) = scenario.Sponsor(DomainSubmitterKind.Department);
        var forOther = await Scenario.RefusedAsync(() => scenario.UploadAsync(caller, "someone-else", SampleFiles.Pdf()));
        Assert.Equal(StatusCode.PermissionDenied, forOther.StatusCode);

        var evaluation = scenario.As(Roles.EvaluationOrg, org: "eval-x");
        var asEvaluation = await Scenario.RefusedAsync(() => scenario.UploadAsync(evaluation, "eval-x", SampleFiles.Pdf()));
        Assert.Equal(StatusCode.PermissionDenied, asEvaluation.StatusCode);
    }

    [Fact]
    public async Task An_unknown_batch_is_refused()
    {
        var (org, caller) = scenario.Sponsor(DomainSubmitterKind.Department);
        var error = await Scenario.RefusedAsync(() => scenario.UploadAsync(caller, org, SampleFiles.Pdf(), batch: "1999"));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("batch_id", Scenario.Fields(error));
    }

    private void AssertNothingStored(byte[] content)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        Assert.False(File.Exists(Path.Combine(factory.BlobFolder, sha256[..2], sha256)));
    }
}
