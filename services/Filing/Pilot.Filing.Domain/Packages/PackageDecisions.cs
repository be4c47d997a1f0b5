using Pilot.Filing.Domain.Auditing;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Events;
using Pilot.Filing.Domain.Files;
using Pilot.Filing.Domain.Materials;
using Pilot.SharedKernel;

namespace Pilot.Filing.Domain.Packages;

/// <summary>
/// Decides on material packages (R7, R8). Pure: the service reads the current package and the batch,
/// calls <see cref="Submit"/>, and stores what comes back.
/// </summary>
public sealed class PackageDecisions(WorkingDayCalendar calendar, UploadLimits limits)
{
    /// <summary>
    /// A department or industry organisation hands in its package, or replaces it before the plan
    /// milestone. A complete package becomes a new version with a receipt; an incomplete one is refused
    /// with everything missing (Invalid, R7) and announced as refused. A first hand-in after the
    /// milestone is accepted and marked late; a replacement after it is refused (Precondition, R8),
    /// so what was on file at the deadline stays the version under review.
    /// </summary>
    /// <param name="current">The stored package of this sponsor and batch, or null before the first hand-in.</param>
    public Outcome<MaterialPackage> Submit(
        MaterialPackage? current, SubmitPackage command, Caller caller, BatchMilestones batch, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(batch);
        var packageId = MaterialPackage.IdFor(command.BatchId, command.SponsorOrgId);
        if (current is not null && current.PackageId != packageId)
        {
            throw new ArgumentException($"storage passed package {current.PackageId} for {packageId}", nameof(current));
        }

        try
        {
            return Decide(current, command, caller, batch, now, packageId);
        }
        catch (DomainException refusal)
        {
            return Outcome.Refused<MaterialPackage>(
                refusal, AuditRecord.Refused(caller, now, AuditActions.SubmitPackage, packageId, command.RequestId, refusal));
        }
    }

    private Outcome<MaterialPackage> Decide(
        MaterialPackage? current, SubmitPackage command, Caller caller, BatchMilestones batch, DateTimeOffset now, string packageId)
    {
        var kind = AuthoriseSponsor(caller, command.SponsorOrgId);
        RequestChecks.EnsureRequestId(command.RequestId);
        RequestChecks.EnsureBatch(command.BatchId, batch);
        if (command.LetterDate is { } letterDate)
        {
            CommandDates.EnsurePast(letterDate, "letter_date", WorkingDayCalendar.ChinaDate(now));
        }

        var expected = current?.Version ?? 0;
        if (command.ExpectedVersion != expected)
        {
            throw DomainException.Conflict(
                "expected_version",
                $"the package is at version {expected}, not {command.ExpectedVersion}: someone else handed in a version first; reload and try again");
        }

        if (current is not null && now >= batch.DeadlineOf(TrackedItemKind.MaterialPackage))
        {
            throw DomainException.Precondition(
                "batch_id",
                $"the plan milestone of batch {batch.BatchId} ({batch.Plan:yyyy-MM-dd}) has passed; version {current.Version} stays the one under review",
                "R8");
        }

        var documents = command.Documents ?? [];
        var branchIds = command.BranchIds ?? [];
        var malformed = DocumentDeclarationRules.Violations(kind, documents, limits).Concat(BranchListRules.Violations(branchIds)).ToList();
        if (malformed.Count > 0)
        {
            throw new DomainException(ErrorKind.Invalid, null, $"{malformed.Count} problem(s) with the documents or branches handed in", malformed);
        }

        var lateness = Lateness.Of(now, batch.DueDateOf(TrackedItemKind.MaterialPackage), calendar);
        var submitted = new PackageSubmitted(
            now, packageId, batch.BatchId,
            command.SponsorOrgId, kind, documents.Select(document => document.DocumentId).ToList(), lateness);

        var missing = PackageCompleteness.Missing(kind, documents);
        if (missing.Count > 0)
        {
            var refusal = new DomainException(
                ErrorKind.Invalid, "R7", $"R7: the package is incomplete, {missing.Count} item(s) missing", missing);
            var refused = new PackageRefused(
                now, packageId, batch.BatchId,
                command.SponsorOrgId, kind, missing);
            return Outcome.Refused<MaterialPackage>(
                refusal,
                AuditRecord.Refused(caller, now, AuditActions.SubmitPackage, packageId, command.RequestId, refusal),
                submitted,
                refused);
        }

        var number = (int)expected + 1;
        var receipt = new PackageReceipt(PackageReceipt.NumberFor(batch.BatchId, command.SponsorOrgId, number), now);
        var version = new PackageVersion(number, documents, receipt, lateness, command.LetterDate, caller.Subject, command.RequestId, branchIds);
        var package = current is null
            ? new MaterialPackage(packageId, batch.BatchId, command.SponsorOrgId, kind, [version])
            : current with { Versions = [.. current.Versions, version] };
        var accepted = new PackageAccepted(
            now, packageId, batch.BatchId,
            command.SponsorOrgId, kind, number, receipt.ReceiptNumber, now, lateness, branchIds);
        var detail = $"version {number} received as {receipt.ReceiptNumber}" + (lateness.IsLate ? $", {lateness.CalendarDaysLate} day(s) late" : string.Empty);

        return Outcome.Success<MaterialPackage>(
            package,
            AuditRecord.Succeeded(caller, now, AuditActions.SubmitPackage, packageId, command.RequestId, detail),
            submitted,
            accepted);
    }

    /// <summary>Only the sponsor itself hands in its package, and its role decides which checklist applies.</summary>
    private static SubmitterKind AuthoriseSponsor(Caller caller, string sponsorOrgId)
    {
        if (!caller.IsOrganisation(sponsorOrgId ?? string.Empty))
        {
            throw DomainException.Forbidden($"only organisation {sponsorOrgId} may hand in its own material package");
        }

        return caller.Role switch
        {
            Roles.Department => SubmitterKind.Department,
            Roles.IndustryOrg => SubmitterKind.IndustryOrganisation,
            _ => throw DomainException.Forbidden("material packages are handed in by departments and industry organisations"),
        };
    }
}
