using Pilot.Filing.Domain.Auditing;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Events;
using Pilot.SharedKernel;

namespace Pilot.Filing.Domain.Filings;

/// <summary>
/// An organisation files a branch with the bureau of the branch's region (R5, R6, 三.4). Pure: the service
/// fetches the current filing, the branch's facts from the Registry and the batch's dates first.
/// </summary>
public sealed class FilingSubmission(WorkingDayCalendar calendar)
{
    /// <summary>
    /// Checks, in this order: the branch exists (NotFound); the caller is the branch's organisation
    /// (Forbidden); the request is well formed (Invalid); the organisation is recommended or an industry
    /// organisation and the work plan naming the branch was received (Precondition, R5); the target region
    /// is the branch's registered region (Invalid, R6); the version matches (Conflict); the filing is new or
    /// was rejected (Precondition). A late filing is accepted and marked late.
    /// </summary>
    /// <param name="current">The stored filing of this branch and batch, or null before the first submission.</param>
    /// <param name="facts">The Registry's facts about the branch, or null when it knows no such branch.</param>
    public Outcome<BranchFiling> Submit(
        BranchFiling? current, SubmitFiling command, Caller caller, BranchFacts? facts, BatchMilestones batch, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(batch);
        var filingId = BranchFiling.IdFor(command.BatchId, command.BranchId);
        try
        {
            return Decide(current, command, caller, facts, batch, now, filingId);
        }
        catch (DomainException refusal)
        {
            return Outcome.Refused<BranchFiling>(
                refusal, AuditRecord.Refused(caller, now, AuditActions.SubmitFiling, filingId, command.RequestId, refusal));
        }
    }

    private Outcome<BranchFiling> Decide(
        BranchFiling? current, SubmitFiling command, Caller caller, BranchFacts? facts, BatchMilestones batch, DateTimeOffset now, string filingId)
    {
        if (facts is null || facts.BranchId != command.BranchId)
        {
            throw DomainException.NotFound("branch_id", $"the Registry knows no branch '{command.BranchId}' in batch {command.BatchId}");
        }

        if (!caller.IsOrganisation(facts.OrganisationId) || !(caller.Is(Roles.EvaluationOrg) || caller.Is(Roles.IndustryOrg)))
        {
            throw DomainException.Forbidden($"only organisation {facts.OrganisationId} may file its branch {facts.BranchId}");
        }

        RequestChecks.EnsureRequestId(command.RequestId);
        RequestChecks.EnsureBatch(command.BatchId, batch);
        var target = ProvinceRegion.Parse(command.TargetRegionCode, "target_region_code");
        Occupation.EnsureValidList(command.Occupations);

        if (!facts.OrganisationRecommendedForBatch && !facts.OrganisationIsIndustryOrganisation)
        {
            throw DomainException.Precondition(
                "branch_id",
                $"organisation {facts.OrganisationId} is neither recommended by a department for batch {batch.BatchId} nor an industry organisation",
                "R5");
        }

        switch (facts.PilotWorkPlan)
        {
            case PilotWorkPlan.NotReceived:
                throw DomainException.Precondition(
                    "branch_id", $"no pilot work plan naming branch {facts.BranchId} has been received yet", "R5");
            case PilotWorkPlan.ReceivedWithoutBranch:
                throw DomainException.Precondition(
                    "branch_id",
                    $"the pilot work plan received for batch {batch.BatchId} does not name branch {facts.BranchId}: its sponsor (the recommending department, or the industry organisation itself) hands in a package version whose branch list names it",
                    "R5");
        }

        if (target.Code != facts.RegisteredRegionCode)
        {
            var registered = ProvinceRegion.TryFind(facts.RegisteredRegionCode, out var home) ? $"{home.Code} {home.Name}" : facts.RegisteredRegionCode;
            throw DomainException.Invalid(
                "target_region_code",
                $"the branch is registered in {registered}; it files there, not in {target.Code} {target.Name}",
                "R6");
        }

        var expected = current?.Version ?? 0;
        if (command.ExpectedVersion != expected)
        {
            throw DomainException.Conflict(
                "expected_version", $"the filing is at version {expected}, not {command.ExpectedVersion}; someone else changed it first");
        }

        if (current is { Status: not FilingStatus.Rejected })
        {
            throw DomainException.Precondition(
                "branch_id",
                current.Status == FilingStatus.Accepted
                    ? $"branch {facts.BranchId} is already filed under {current.Decision?.FilingNumber}"
                    : $"branch {facts.BranchId} already has a filing awaiting the bureau's decision");
        }

        var lateness = Lateness.Of(now, batch.DueDateOf(TrackedItemKind.LocalFiling), calendar);
        var occupations = command.Occupations.ToList();
        var filing = current is null
            ? new BranchFiling(filingId, batch.BatchId, facts.BranchId, facts.OrganisationId, target, occupations,
                FilingStatus.Submitted, 1, 1, now, caller.Subject, lateness, null, [])
            : current with
            {
                OrganisationId = facts.OrganisationId,
                Region = target,
                Occupations = occupations,
                Status = FilingStatus.Submitted,
                Version = current.Version + 1,
                Attempt = current.Attempt + 1,
                SubmittedAt = now,
                SubmittedBy = caller.Subject,
                Lateness = lateness,
                Decision = null,
                PastDecisions = current.Decision is null ? current.PastDecisions : [.. current.PastDecisions, current.Decision],
            };

        var submitted = new FilingSubmitted(
            now, filingId, batch.BatchId, facts.BranchId,
            facts.OrganisationId, target.Code, target.Name, occupations, filing.Attempt, lateness);
        var detail = $"attempt {filing.Attempt} filed with {target.Code} {target.Name}" + (lateness.IsLate ? $", {lateness.CalendarDaysLate} day(s) late" : string.Empty);
        return Outcome.Success<BranchFiling>(
            filing, AuditRecord.Succeeded(caller, now, AuditActions.SubmitFiling, filingId, command.RequestId, detail), submitted);
    }
}
