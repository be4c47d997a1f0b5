using System.Security.Cryptography;
using Pilot.Filing.Domain.Files;
using Pilot.Filing.Storage;
using Pilot.Filing.Tests.Domain;
using Pilot.SharedKernel;
using Pilot.SharedKernel.Files;

namespace Pilot.Filing.Tests.Storage;

public sealed class DocumentUploadTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "pilot-filing-tests", Guid.NewGuid().ToString("N"));
    private readonly LocalFolderBlobStore store;

    public DocumentUploadTests() => store = new LocalFolderBlobStore(root);

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Stores_a_pdf_under_its_sha256_and_reads_it_back()
    {
        var bytes = SampleFiles.Pdf();
        var file = await Store(bytes, "方案.pdf");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
        Assert.Equal(bytes.Length, file.Size);
        Assert.Equal(FileKind.Pdf, file.Kind);
        Assert.Equal("方案.pdf", file.FileName);
        Assert.True(await store.ExistsAsync(file.Sha256, TestContext.Current.CancellationToken));
        Assert.Equal(Path.Combine(root, file.Sha256[..2], file.Sha256), store.PathOf(file.Sha256));
        await using var stored = await store.OpenReadAsync(file.Sha256, TestContext.Current.CancellationToken);
        using var copy = new MemoryStream();
        await stored!.CopyToAsync(copy, TestContext.Current.CancellationToken);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task The_name_does_not_matter_the_content_does()
    {
        var file = await Store(SampleFiles.Ofd(), "looks-like.pdf");
        Assert.Equal(FileKind.Ofd, file.Kind);

        var error = await Assert.ThrowsAsync<DomainException>(() => Store(SampleFiles.Xlsx(), "report.docx"));
        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Equal("documents[pilot-work-plan].file", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public async Task Storing_the_same_bytes_twice_is_idempotent()
    {
        var first = await Store(SampleFiles.Docx());
        var second = await Store(SampleFiles.Docx());

        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Single(Directory.GetFiles(Path.Combine(root, first.Sha256[..2])));
        Assert.Empty(Directory.GetFiles(Path.Combine(root, ".staging")));
    }

    [Fact]
    public async Task Refuses_an_empty_file_and_leaves_nothing_behind()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Store([]));
        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Refuses_a_stream_as_soon_as_it_passes_the_limit()
    {
        var limits = new UploadLimits(maxBytes: 100);
        await using var upload = await DocumentUpload.BeginAsync(store, limits, "file", TestContext.Current.CancellationToken);
        await upload.WriteAsync(new byte[60], TestContext.Current.CancellationToken);
        await upload.WriteAsync(new byte[40], TestContext.Current.CancellationToken);
        Assert.Equal(100, upload.BytesReceived);

        var error = await Assert.ThrowsAsync<DomainException>(() => upload.WriteAsync(new byte[1], TestContext.Current.CancellationToken));
        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Contains("100 bytes", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => upload.WriteAsync(new byte[1], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_file_exactly_at_the_limit_is_accepted()
    {
        var pdf = SampleFiles.Pdf();
        using var source = new MemoryStream(pdf);
        var file = await StoreAsync(store, source, new UploadLimits(pdf.Length), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(pdf.Length, file.Size);
    }

    [Fact]
    public async Task An_abandoned_upload_leaves_no_staging_file()
    {
        await using (var upload = await DocumentUpload.BeginAsync(store, UploadLimits.Default, cancellationToken: TestContext.Current.CancellationToken))
        {
            await upload.WriteAsync(SampleFiles.Pdf(), TestContext.Current.CancellationToken);
        }

        Assert.Empty(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_default_limit_is_50_mb_and_the_limit_must_be_positive()
    {
        Assert.Equal(50L * 1024 * 1024, UploadLimits.Default.MaxBytes);
        Assert.Equal("50 MB", UploadLimits.Default.Describe());
        Assert.Throws<ArgumentOutOfRangeException>(() => new UploadLimits(0));
    }

    [Fact]
    public void A_hash_cannot_name_a_path_outside_the_store() =>
        Assert.Throws<ArgumentException>(() => store.PathOf("../../etc/passwd"));

    private async Task<DocumentFile> Store(byte[] bytes, string? name = null)
    {
        using var source = new MemoryStream(bytes);
        return await StoreAsync(
            store, source, UploadLimits.Default, name, "documents[pilot-work-plan].file", TestContext.Current.CancellationToken);
    }

    /// <summary>A whole stream into the store, as a caller that already holds the file would upload it.</summary>
    private static async Task<DocumentFile> StoreAsync(
        IBlobStore store, Stream source, UploadLimits limits, string? fileName = null, string field = "file", CancellationToken cancellationToken = default)
    {
        await using var upload = await DocumentUpload.BeginAsync(store, limits, field, cancellationToken);
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await upload.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return await upload.CompleteAsync(fileName, cancellationToken);
    }
}
