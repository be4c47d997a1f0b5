using Pilot.Filing.Batches;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Files;
using Pilot.Filing.Storage;
using Pilot.SharedKernel;

namespace Pilot.Filing.Application;

/// <summary>A sponsor uploads one document of its package: checked as it arrives, kept under its SHA-256.</summary>
internal sealed class DocumentUploads(IDocumentStore documents, IBatchMilestonesSource batches, FilingStore store)
{
    public async Task<DocumentFile> UploadAsync(DocumentToUpload upload, IAsyncEnumerable<ReadOnlyMemory<byte>> content, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        EnsureSponsor(caller, upload.SponsorOrgId);
        await batches.RequireAsync(upload.BatchId, cancellationToken);

        var fileName = string.IsNullOrWhiteSpace(upload.FileName) ? null : Path.GetFileName(upload.FileName.Trim());
        var file = await documents.StoreAsync(content, fileName, "chunk", cancellationToken);
        await store.RememberUploadAsync(file);
        return file;
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
