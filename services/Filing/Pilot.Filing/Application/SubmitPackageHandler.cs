using Pilot.Filing.Batches;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Files;
using Pilot.Filing.Domain.Materials;
using Pilot.Filing.Domain.Packages;
using Pilot.Filing.Grpc;
using Pilot.Filing.Storage;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;
using PackageDocument = Pilot.Filing.Domain.Packages.PackageDocument;

namespace Pilot.Filing.Application;

/// <summary>Hands in or replaces a material package (R7, R8).</summary>
internal sealed class SubmitPackageHandler(
    PackageDecisions decisions, IBatchMilestonesSource batches, FilingStore store, RequestReplies replies, TimeProvider clock)
{
    public async Task<Package> HandleAsync(SubmitPackageRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var fingerprint = RequestFingerprint.Of(nameof(Protos.Filing.Filing.FilingBase.SubmitPackage), request);
        var batch = await batches.RequireAsync(request.BatchId, cancellationToken);
        var documents = await ResolveDocumentsAsync(request);
        var command = new SubmitPackage(
            request.RequestId, request.BatchId, request.SponsorOrgId, request.ExpectedVersion, documents, Trimmed(request.BranchIds),
            ProtoDates.ParseOptional(request.LetterDate, "letter_date"));

        for (var attempt = 0; attempt < RequestReplies.MaxAttempts; attempt++)
        {
            if (await replies.FindAsync(caller, request.RequestId, fingerprint, Package.Parser) is { } earlier)
            {
                return earlier;
            }

            var packageId = MaterialPackage.IdFor(request.BatchId, request.SponsorOrgId);
            var current = await store.FindPackageAsync(packageId);
            var outcome = decisions.Submit(current, command, caller, batch, clock.GetUtcNow());
            if (outcome.Refusal is { } refusal)
            {
                if (await replies.FindAsync(caller, request.RequestId, fingerprint, Package.Parser) is { } answeredMeanwhile)
                {
                    return answeredMeanwhile;
                }

                if (outcome.Events.Count == 0)
                {
                    await store.RecordRefusalAsync(outcome.Audit, [], []);
                    throw refusal;
                }

                // An incomplete package is announced; remember the refusal so a retry does not announce it twice.
                var owed = (batch.BatchId, new TrackedItem(packageId, Domain.Deadlines.TrackedItemKind.MaterialPackage, request.SponsorOrgId, Done: false));
                if (await store.RecordRefusalAsync(outcome.Audit, [], outcome.Events, RequestReplies.Refusal(caller, request.RequestId, fingerprint, refusal), owed))
                {
                    throw refusal;
                }

                continue;
            }

            var package = outcome.State!;
            var reply = PackageMappers.ToProto(package);
            if (await store.CommitPackageAsync(package, current?.Version ?? 0, outcome.Audit, outcome.Events, RequestReplies.Reply(caller, request.RequestId, fingerprint, reply)))
            {
                return reply;
            }
        }

        throw RequestReplies.LostTooManyRaces("expected_version");
    }

    /// <summary>Finds each referenced upload; a package may only name documents that were uploaded and checked.</summary>
    private async Task<IReadOnlyList<PackageDocument>> ResolveDocumentsAsync(SubmitPackageRequest request)
    {
        var documents = new List<PackageDocument>();
        var violations = new List<FieldViolation>();
        for (var i = 0; i < request.Documents.Count; i++)
        {
            var declared = request.Documents[i];
            var sha256 = (declared.Sha256 ?? string.Empty).Trim().ToLowerInvariant();
            var file = Sha256Hex.IsValid(sha256) ? await store.FindUploadAsync(sha256) : null;
            if (file is null)
            {
                violations.Add(new FieldViolation(
                    $"documents[{i}].sha256",
                    Sha256Hex.IsValid(sha256)
                        ? $"no uploaded document has the SHA-256 {sha256}; upload it with UploadDocument first"
                        : "give the sha256 UploadDocument returned: 64 hex digits"));
                continue;
            }

            documents.Add(new PackageDocument(declared.DocumentId.Trim(), file, Trimmed(declared.Sections), Trimmed(declared.Regulations)));
        }

        if (violations.Count > 0)
        {
            throw new DomainException(ErrorKind.Invalid, null, $"{violations.Count} document(s) were not uploaded", violations);
        }

        return documents;
    }

    private static List<string> Trimmed(IEnumerable<string> ids) => ids.Select(id => id.Trim()).ToList();
}
