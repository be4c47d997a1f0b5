using Pilot.Commands;
using Pilot.Filing.Batches;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Files;
using Pilot.Filing.Domain.Packages;
using Pilot.Filing.IntegrationEvents;
using Pilot.Filing.Storage;
using Pilot.SharedKernel;

namespace Pilot.Filing.Application;

/// <summary>
/// A sponsor hands in or replaces its material package (R7, R8), on the command pipeline: the package's version is the
/// commit's condition, so of two hand-ins one becomes the version and the other is decided again. An incomplete
/// package is refused and announced; the pipeline remembers that refusal, so a retry announces nothing twice.
/// </summary>
internal sealed class PackageCommands(
    PackageDecisions decisions, IBatchMilestonesSource batches, FilingStore store, CommandPipeline pipeline, TimeProvider clock)
{
    public Task<MaterialPackage> SubmitAsync(DeclaredPackage declared, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(declared);
        var packageId = MaterialPackage.IdFor(declared.BatchId, declared.SponsorOrgId);
        BatchMilestones? batch = null;
        SubmitPackage? command = null;
        return pipeline.RunAsync(
            new Command<Loaded, MaterialPackage>(
                caller,
                declared.RequestId,
                "SubmitPackage",
                declared,
                async attempt =>
                {
                    // The batch may be the Registry's to tell: it is asked (and the documents looked up, once) only
                    // when the request id has no answer yet.
                    var package = store.ReadPackageAsync(packageId);
                    if (await attempt.IsRepeatAsync())
                    {
                        return new Loaded(await package, null, null);
                    }

                    batch ??= await batches.RequireAsync(declared.BatchId, cancellationToken);
                    command ??= await ResolveAsync(declared);
                    return new Loaded(await package, batch, command);
                },
                loaded => Decide(loaded, caller, packageId))
            {
                // A request id reused for another request is an attempt like any other: audited, once.
                TracesOfReuse = refusal => commit => FilingWrites.Audit(
                    commit, Domain.Auditing.AuditRecord.Refused(caller, clock.GetUtcNow(), Domain.Auditing.AuditActions.SubmitPackage, packageId, declared.RequestId, refusal), []),
            },
            cancellationToken);
    }

    private CommandResult<MaterialPackage> Decide(Loaded loaded, Caller caller, string packageId)
    {
        var batch = loaded.Batch!;
        var outcome = decisions.Submit(loaded.Package.Current, loaded.Command!, caller, batch, clock.GetUtcNow());
        var events = IntegrationEventMapper.ToOutgoing(outcome.Events);
        if (outcome.Refusal is { } refusal)
        {
            // A refusal that is announced (an incomplete package) leaves the sponsor owing its package.
            return CommandResult.Refused<MaterialPackage>(
                refusal,
                commit =>
                {
                    FilingWrites.Audit(commit, outcome.Audit, []);
                    if (events.Count > 0)
                    {
                        FilingWrites.Owed(commit, batch.BatchId, new TrackedItem(packageId, TrackedItemKind.MaterialPackage, loaded.Command!.SponsorOrgId, Done: false));
                    }
                },
                events);
        }

        var package = outcome.State!;
        return CommandResult.Accepted(
            package,
            commit =>
            {
                FilingWrites.Package(commit, package);
                FilingWrites.Audit(commit, outcome.Audit, []);
            },
            events);
    }

    /// <summary>The domain's command: each referenced upload found; a package may only name documents that were uploaded and checked.</summary>
    private async Task<SubmitPackage> ResolveAsync(DeclaredPackage declared)
    {
        var hashes = declared.Documents.Select(document => (document.Sha256 ?? string.Empty).Trim().ToLowerInvariant()).ToList();
        var uploads = await Task.WhenAll(hashes.Select(sha256 => Sha256Hex.IsValid(sha256) ? store.FindUploadAsync(sha256) : Task.FromResult<DocumentFile?>(null)));
        var documents = new List<PackageDocument>();
        var violations = new List<FieldViolation>();
        for (var i = 0; i < declared.Documents.Count; i++)
        {
            var document = declared.Documents[i];
            if (uploads[i] is not { } file)
            {
                violations.Add(new FieldViolation(
                    $"documents[{i}].sha256",
                    Sha256Hex.IsValid(hashes[i])
                        ? $"no uploaded document has the SHA-256 {hashes[i]}; upload it with UploadDocument first"
                        : "give the sha256 UploadDocument returned: 64 hex digits"));
                continue;
            }

            documents.Add(new PackageDocument(document.DocumentId.Trim(), file, Trimmed(document.Sections), Trimmed(document.Regulations)));
        }

        if (violations.Count > 0)
        {
            throw new DomainException(ErrorKind.Invalid, null, $"{violations.Count} document(s) were not uploaded", violations);
        }

        return new SubmitPackage(
            declared.RequestId, declared.BatchId, declared.SponsorOrgId, declared.ExpectedVersion, documents, Trimmed(declared.BranchIds), declared.LetterDate);
    }

    private static List<string> Trimmed(IEnumerable<string> ids) => [.. ids.Select(id => id.Trim())];

    /// <param name="Batch">With <paramref name="Command"/>, null only for a repeat of the request id, which the pipeline answers without deciding.</param>
    private sealed record Loaded(PackageSnapshot Package, BatchMilestones? Batch, SubmitPackage? Command) : ICommandReads
    {
        public void AddConditions(Pilot.Storage.IStateWrites commit) => Package.AddConditions(commit);
    }
}
