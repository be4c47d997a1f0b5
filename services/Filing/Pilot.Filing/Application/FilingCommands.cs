using Pilot.Commands;
using Pilot.Filing.Batches;
using Pilot.Filing.Domain;
using Pilot.Filing.Domain.Auditing;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Filings;
using Pilot.Filing.IntegrationEvents;
using Pilot.Filing.Storage;
using Pilot.SharedKernel;

namespace Pilot.Filing.Application;

/// <summary>
/// An organisation files a branch with the bureau of the branch's region (R5, R6); the bureau accepts or rejects it
/// (R6). Each runs on the command pipeline: the filing's version is the commit's condition, so of two concurrent
/// decisions exactly one commits, and the other is decided again on what it finds (the domain then refuses it).
/// Every attempt is audited: a refusal's audit record goes in as a trace.
/// </summary>
internal sealed class FilingCommands(
    FilingSubmission submission,
    IBranchFactsSource branches,
    IBatchMilestonesSource batches,
    FilingStore store,
    FilingWrites writes,
    CommandPipeline pipeline,
    TimeProvider clock)
{
    public Task<FilingView> SubmitAsync(FileBranch request, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = request.Submission;
        if (string.IsNullOrWhiteSpace(command.BranchId))
        {
            throw DomainException.Invalid("branch_id", "name the branch to file");
        }

        var creditCode = UnifiedSocialCreditCode.Parse(request.BranchCreditCode, "branch_credit_code").Value;
        var filingId = BranchFiling.IdFor(command.BatchId, command.BranchId);
        return pipeline.RunAsync(
            new Command<SubmissionLoaded, FilingView>(
                caller,
                command.RequestId,
                nameof(SubmitFiling),
                request,
                async attempt =>
                {
                    // Read with the request id's stored answer, in one round trip; the Registry is asked only when
                    // there is none, so a retry after a lost reply is answered even while the Registry is down.
                    var filing = store.ReadFilingAsync(filingId);
                    if (await attempt.IsRepeatAsync())
                    {
                        return new SubmissionLoaded(await filing, null, null);
                    }

                    var batch = await batches.RequireAsync(command.BatchId, cancellationToken);
                    var facts = await branches.FindAsync(command.BatchId, command.BranchId, cancellationToken);
                    return new SubmissionLoaded(await filing, batch, facts);
                },
                loaded =>
                {
                    var current = loaded.Filing.Current;
                    var outcome = submission.Submit(current?.Filing, command, caller, loaded.Facts, loaded.Batch!, clock.GetUtcNow());
                    var events = IntegrationEventMapper.ToOutgoing(outcome.Events);
                    if (outcome.Refusal is { } refusal)
                    {
                        // A refused filing concerns the bureau the branch belongs to, so its audit list shows it.
                        string[] regions = [.. new[] { current?.Filing.Region.Code, loaded.Facts?.RegisteredRegionCode }.OfType<string>().Distinct(StringComparer.Ordinal)];
                        return CommandResult.Refused<FilingView>(refusal, commit => FilingWrites.Audit(commit, outcome.Audit, regions), events);
                    }

                    var filed = new FilingView(outcome.State!, creditCode);
                    return CommandResult.Accepted(filed, commit => Record(commit, current, filed, outcome), events);
                })
            {
                TracesOfReuse = ReuseAudited(caller, AuditActions.SubmitFiling, filingId, command.RequestId),
            },
            cancellationToken);
    }

    public Task<FilingView> AcceptAsync(AcceptFiling command, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var number = string.IsNullOrWhiteSpace(command.FilingNumber) ? null : command.FilingNumber;
        return DecideAsync(
            caller, command.RequestId, nameof(AcceptFiling), AuditActions.AcceptFiling, command, command.FilingId, number,
            (filing, holder) => FilingReview.Accept(filing, command, caller, holder, clock.GetUtcNow()),
            cancellationToken);
    }

    public Task<FilingView> RejectAsync(RejectFiling command, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return DecideAsync(
            caller, command.RequestId, nameof(RejectFiling), AuditActions.RejectFiling, command, command.FilingId, null,
            (filing, _) => FilingReview.Reject(filing, command, caller, clock.GetUtcNow()),
            cancellationToken);
    }

    /// <param name="number">The filing number the decision claims, if any.</param>
    /// <param name="decide">The domain's decision, given the filing and the filing holding <paramref name="number"/> in its region.</param>
    private Task<FilingView> DecideAsync(
        Caller caller,
        string requestId,
        string name,
        string action,
        object command,
        string filingId,
        string? number,
        Func<BranchFiling, string?, Outcome<BranchFiling>> decide,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(filingId))
        {
            throw DomainException.Invalid("filing_id", "name the filing to decide (its filing_id, batch/branch)");
        }

        return pipeline.RunAsync(
            new Command<DecisionLoaded, FilingView>(
                caller,
                requestId,
                name,
                command,
                attempt => LoadDecisionAsync(attempt, caller, filingId, number),
                loaded =>
                {
                    var current = loaded.Filing.Current ?? throw DomainException.NotFound("filing_id", $"there is no filing '{filingId}'");
                    var outcome = decide(current.Filing, loaded.NumberHolder);
                    var events = IntegrationEventMapper.ToOutgoing(outcome.Events);
                    if (outcome.Refusal is { } refusal)
                    {
                        return CommandResult.Refused<FilingView>(refusal, commit => FilingWrites.Audit(commit, outcome.Audit, [current.Filing.Region.Code]), events);
                    }

                    var decided = current with { Filing = outcome.State! };
                    return CommandResult.Accepted(decided, commit => Record(commit, current, decided, outcome), events);
                })
            {
                TracesOfReuse = ReuseAudited(caller, action, filingId, requestId),
            },
            cancellationToken);
    }

    /// <summary>A request id reused for another request is an attempt like any other: audited, once.</summary>
    private Func<DomainException, Action<Pilot.Storage.IStateWrites>> ReuseAudited(Caller caller, string action, string target, string requestId) =>
        refusal => commit => FilingWrites.Audit(commit, Domain.Auditing.AuditRecord.Refused(caller, clock.GetUtcNow(), action, target, requestId, refusal), []);

    /// <summary>
    /// The first attempt reads only the filing: the filing number is claimed by the commit, so a number in use fails
    /// it, and the next attempt looks up who holds it for the domain to say so. Only the bureau of the filing's region
    /// gets as far as the number check, so the holder is looked up in the caller's own region together with the
    /// filing (one round trip), and again only if the filing is elsewhere.
    /// </summary>
    private async Task<DecisionLoaded> LoadDecisionAsync(CommandAttempt attempt, Caller caller, string filingId, string? number)
    {
        var read = store.ReadFilingAsync(filingId);
        if (attempt.IsFirst || number is null)
        {
            return new DecisionLoaded(await read, null);
        }

        var inOwnRegion = caller.Region is { } ownRegion ? store.FindFilingIdAsync(ownRegion, number) : null;
        var filing = await read;
        var holder = filing.Current is not { } current ? null
            : inOwnRegion is not null && current.Filing.Region.Code == caller.Region ? await inOwnRegion
            : await store.FindFilingIdAsync(current.Filing.Region.Code, number);
        return new DecisionLoaded(filing, holder);
    }

    private void Record(Pilot.Storage.IStateWrites commit, FilingView? before, FilingView after, Outcome<BranchFiling> outcome)
    {
        writes.FilingChange(commit, before, after);
        FilingWrites.Audit(commit, outcome.Audit, [after.Filing.Region.Code]);
    }

    /// <param name="Batch">Null only for a repeat of the request id, which the pipeline answers without deciding.</param>
    private sealed record SubmissionLoaded(FilingSnapshot Filing, BatchMilestones? Batch, BranchFacts? Facts) : ICommandReads
    {
        public void AddConditions(Pilot.Storage.IStateWrites commit) => Filing.AddConditions(commit);
    }

    /// <param name="NumberHolder">The filing holding the number to be claimed, as looked up after a failed commit.</param>
    private sealed record DecisionLoaded(FilingSnapshot Filing, string? NumberHolder) : ICommandReads
    {
        public void AddConditions(Pilot.Storage.IStateWrites commit) => Filing.AddConditions(commit);
    }
}
