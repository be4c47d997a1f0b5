using Pilot.Filing.Domain.Auditing;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Events;
using Pilot.SharedKernel;

namespace Pilot.Filing.Domain.Filings;

/// <summary>
/// A provincial bureau decides on a filing (R6): only the bureau of the filing's region, only once per
/// attempt, and only on the version it looked at. Every attempt, allowed or not, yields an audit record.
/// </summary>
public static class FilingReview
{
    public const int MaxFilingNumberLength = FieldLimits.CodeLength;
    public const int MaxReasonLength = FieldLimits.ReasonLength;

    /// <param name="filingIdHoldingNumber">
    /// The filing that holds the command's number in the filing's region, as storage found it (null when free, or not looked up).
    /// </param>
    public static Outcome<BranchFiling> Accept(
        BranchFiling filing, AcceptFiling command, Caller caller, string? filingIdHoldingNumber, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(filing);
        ArgumentNullException.ThrowIfNull(command);
        return Decide(filing, command.RequestId, command.ExpectedVersion, caller, now, AuditActions.AcceptFiling, () =>
        {
            var number = (command.FilingNumber ?? string.Empty).Trim();
            if (number.Length == 0 || number.Length > MaxFilingNumberLength || number.Any(char.IsControl))
            {
                throw DomainException.Invalid(
                    "filing_number", $"give the filing number your bureau issued (1 to {MaxFilingNumberLength} printable characters)");
            }

            CommandDates.EnsurePast(command.FiledOn, "filed_on", WorkingDayCalendar.ChinaDate(now), WorkingDayCalendar.ChinaDate(filing.SubmittedAt));

            if (filingIdHoldingNumber is not null && filingIdHoldingNumber != filing.FilingId)
            {
                // Retrying cannot help: the number is taken for good. (It answered Aborted, "read again and retry", before.)
                throw DomainException.AlreadyExists(
                    "filing_number", $"filing number {number} is already used in {filing.Region.Name} by filing {filingIdHoldingNumber}; give another");
            }

            var decision = new FilingDecision(FilingStatus.Accepted, now, caller.Subject, number, command.FiledOn, null);
            var accepted = new FilingAccepted(
                now, filing.FilingId, filing.BatchId, number,
                command.FiledOn, filing.BranchId, filing.OrganisationId, filing.Region.Code, filing.Region.Name, filing.Occupations);
            return (decision, (FilingEvent)accepted, $"accepted as {number}");
        });
    }

    public static Outcome<BranchFiling> Reject(BranchFiling filing, RejectFiling command, Caller caller, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(filing);
        ArgumentNullException.ThrowIfNull(command);
        return Decide(filing, command.RequestId, command.ExpectedVersion, caller, now, AuditActions.RejectFiling, () =>
        {
            var reason = (command.Reason ?? string.Empty).Trim();
            if (reason.Length == 0)
            {
                throw DomainException.Invalid("reason", "a rejection must say why, so the branch knows what to fix", "R6");
            }

            if (reason.Length > MaxReasonLength)
            {
                throw DomainException.Invalid("reason", $"keep the reason under {MaxReasonLength} characters; attach details separately");
            }

            var decision = new FilingDecision(FilingStatus.Rejected, now, caller.Subject, null, null, reason);
            var rejected = new FilingRejected(
                now, filing.FilingId, filing.BatchId,
                filing.BranchId, filing.OrganisationId, filing.Region.Code, filing.Region.Name, reason);
            return (decision, (FilingEvent)rejected, "rejected: " + reason);
        });
    }

    /// <summary>The checks shared by both decisions, in the order that tells the caller the most useful thing first.</summary>
    private static Outcome<BranchFiling> Decide(
        BranchFiling filing,
        string requestId,
        long expectedVersion,
        Caller caller,
        DateTimeOffset now,
        string action,
        Func<(FilingDecision Decision, FilingEvent Event, string Detail)> decide)
    {
        ArgumentNullException.ThrowIfNull(caller);
        try
        {
            if (!caller.IsBureauOf(filing.Region.Code))
            {
                throw DomainException.Forbidden(
                    $"only the HR bureau of {filing.Region.Code} {filing.Region.Name} may decide on filing {filing.FilingId}", "R6");
            }

            RequestChecks.EnsureRequestId(requestId);
            if (expectedVersion != filing.Version)
            {
                throw DomainException.Conflict(
                    "expected_version",
                    $"the filing is at version {filing.Version}, not {expectedVersion}: someone else decided first; reload it");
            }

            if (filing.Status != FilingStatus.Submitted)
            {
                throw DomainException.Precondition(
                    "filing_id", $"filing {filing.FilingId} was already {filing.Status.ToString().ToLowerInvariant()}; there is nothing to decide");
            }

            var (decision, domainEvent, detail) = decide();
            var decided = filing with { Status = decision.Outcome, Version = filing.Version + 1, Decision = decision };
            return Outcome.Success<BranchFiling>(
                decided, AuditRecord.Succeeded(caller, now, action, filing.FilingId, requestId, detail), domainEvent);
        }
        catch (DomainException refusal)
        {
            return Outcome.Refused<BranchFiling>(refusal, AuditRecord.Refused(caller, now, action, filing.FilingId, requestId, refusal));
        }
    }
}
