using System.Security.Cryptography;
using Pilot.Filing.Domain.Files;
using Pilot.SharedKernel;
using Pilot.SharedKernel.Files;

namespace Pilot.Filing.Storage;

/// <summary>
/// Receives one document chunk by chunk (as the client streams it), hashing while it writes
/// and refusing the upload as soon as it grows past the limit, so an oversized file is never written whole.
/// On completion it refuses empty files and files that are not PDF, Word or OFD, then commits the bytes
/// to the blob store under their SHA-256.
/// </summary>
internal sealed class DocumentUpload : IAsyncDisposable
{
    private readonly IBlobStaging staging;
    private readonly UploadLimits limits;
    private readonly string field;
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool finished;

    private DocumentUpload(IBlobStaging staging, UploadLimits limits, string field)
    {
        this.staging = staging;
        this.limits = limits;
        this.field = field;
    }

    /// <summary>Bytes accepted so far.</summary>
    public long BytesReceived { get; private set; }

    /// <param name="field">Request path named in refusals, e.g. <c>documents[pilot-work-plan].file</c>.</param>
    public static async Task<DocumentUpload> BeginAsync(
        IBlobStore store, UploadLimits limits, string field = "file", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(limits);
        var staging = await store.BeginStagingAsync(cancellationToken);
        return new DocumentUpload(staging, limits, field);
    }

    /// <summary>Appends a chunk; throws Invalid (and discards everything) once the total passes the limit.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        if (BytesReceived + chunk.Length > limits.MaxBytes)
        {
            await AbandonAsync();
            throw DomainException.Invalid(field, $"the file is larger than the limit of {limits.Describe()}");
        }

        hash.AppendData(chunk.Span);
        await staging.Content.WriteAsync(chunk, cancellationToken);
        BytesReceived += chunk.Length;
    }

    /// <summary>Checks the whole file and stores it; the upload cannot be used afterwards.</summary>
    public async Task<DocumentFile> CompleteAsync(string? fileName = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        if (BytesReceived == 0)
        {
            await AbandonAsync();
            throw DomainException.Invalid(field, "the file is empty");
        }

        await staging.Content.FlushAsync(cancellationToken);
        var kind = FileKindDetector.Detect(staging.Content);
        if (!FileKinds.Documents.Contains(kind))
        {
            await AbandonAsync();
            throw DomainException.Invalid(field, "the file is not a PDF, Word (.docx or .doc) or OFD document; its content was checked, not its name");
        }

        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        await staging.CommitAsync(sha256, cancellationToken);
        finished = true;
        hash.Dispose();
        await staging.DisposeAsync();
        return new DocumentFile(sha256, BytesReceived, kind, fileName);
    }

    public async ValueTask DisposeAsync() => await AbandonAsync();

    private async Task AbandonAsync()
    {
        if (finished)
        {
            return;
        }

        finished = true;
        hash.Dispose();
        await staging.DisposeAsync();
    }
}
