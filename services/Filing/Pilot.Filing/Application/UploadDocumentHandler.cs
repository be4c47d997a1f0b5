using Grpc.Core;
using Pilot.Filing.Batches;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Files;
using Pilot.Filing.Grpc;
using Pilot.Filing.Storage;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;

namespace Pilot.Filing.Application;

/// <summary>Streams one document into the blob store, checking size as it arrives and format at the end.</summary>
internal sealed class UploadDocumentHandler(IBlobStore blobs, UploadLimits limits, IBatchMilestonesSource batches, FilingStore store)
{
    public async Task<UploadedDocument> HandleAsync(IAsyncStreamReader<UploadDocumentRequest> parts, Caller caller, CancellationToken cancellationToken)
    {
        if (!await parts.MoveNext(cancellationToken) || parts.Current.PartCase != UploadDocumentRequest.PartOneofCase.Metadata)
        {
            throw DomainException.Invalid("metadata", "send the metadata (batch, sponsor, file name) as the first message, then the chunks");
        }

        var metadata = parts.Current.Metadata;
        EnsureSponsor(caller, metadata.SponsorOrgId);
        await batches.RequireAsync(metadata.BatchId, cancellationToken);

        await using var upload = await DocumentUpload.BeginAsync(blobs, limits, "chunk", cancellationToken);
        while (await parts.MoveNext(cancellationToken))
        {
            if (parts.Current.PartCase != UploadDocumentRequest.PartOneofCase.Chunk)
            {
                throw DomainException.Invalid("metadata", "metadata comes once, in the first message; the rest are chunks");
            }

            await upload.WriteAsync(parts.Current.Chunk.Memory, cancellationToken);
        }

        var fileName = string.IsNullOrWhiteSpace(metadata.FileName) ? null : Path.GetFileName(metadata.FileName.Trim());
        var file = await upload.CompleteAsync(fileName, cancellationToken);
        await store.RememberUploadAsync(file);
        return PackageMappers.ToProto(file);
    }

    /// <summary>Only those who hand in packages upload their documents, and only for themselves.</summary>
    private static void EnsureSponsor(Caller caller, string sponsorOrgId)
    {
        if (!(caller.Is(Roles.Department) || caller.Is(Roles.IndustryOrg)) || !caller.IsOrganisation(sponsorOrgId ?? string.Empty))
        {
            throw DomainException.Forbidden($"documents are uploaded by the department or industry organisation itself, here {sponsorOrgId}");
        }
    }
}
