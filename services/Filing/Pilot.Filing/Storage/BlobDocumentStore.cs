using Pilot.Filing.Application;
using Pilot.Filing.Domain.Files;

namespace Pilot.Filing.Storage;

/// <summary>Documents in the blob store, checked by <see cref="DocumentUpload"/> while they stream in.</summary>
internal sealed class BlobDocumentStore(IBlobStore blobs, UploadLimits limits) : IDocumentStore
{
    public async Task<DocumentFile> StoreAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> content, string? fileName, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var upload = await DocumentUpload.BeginAsync(blobs, limits, field, cancellationToken);
        await foreach (var chunk in content.WithCancellation(cancellationToken))
        {
            await upload.WriteAsync(chunk, cancellationToken);
        }

        return await upload.CompleteAsync(fileName, cancellationToken);
    }
}
