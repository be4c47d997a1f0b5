using Grpc.Core;
using Pilot.Filing.Application;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;

namespace Pilot.Filing.Grpc;

/// <summary>UploadDocument's client stream as the application takes it: the metadata message, then the chunks' bytes.</summary>
internal static class UploadStream
{
    public static async Task<(DocumentToUpload Upload, IAsyncEnumerable<ReadOnlyMemory<byte>> Content)> ReadAsync(
        IAsyncStreamReader<UploadDocumentRequest> parts, CancellationToken cancellationToken)
    {
        if (!await parts.MoveNext(cancellationToken) || parts.Current.PartCase != UploadDocumentRequest.PartOneofCase.Metadata)
        {
            throw DomainException.Invalid("metadata", "send the metadata (batch, sponsor, file name) as the first message, then the chunks");
        }

        var metadata = parts.Current.Metadata;
        return (new DocumentToUpload(metadata.BatchId, metadata.SponsorOrgId, metadata.FileName), Chunks(parts, cancellationToken));
    }

    // Each chunk's bytes are handed on before the next message is read, so they need no copy.
    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Chunks(
        IAsyncStreamReader<UploadDocumentRequest> parts, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await parts.MoveNext(cancellationToken))
        {
            if (parts.Current.PartCase != UploadDocumentRequest.PartOneofCase.Chunk)
            {
                throw DomainException.Invalid("metadata", "metadata comes once, in the first message; the rest are chunks");
            }

            yield return parts.Current.Chunk.Memory;
        }
    }
}
