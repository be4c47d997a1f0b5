using Pilot.Filing.Batches;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Filings;
using Pilot.Filing.Grpc;
using Pilot.Filing.Storage;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;

namespace Pilot.Filing.Application;

/// <summary>An organisation files a branch with the bureau of the branch's region (R5, R6).</summary>
internal sealed class SubmitFilingHandler(
    FilingSubmission submission, IBranchFactsSource branches, IBatchMilestonesSource batches, FilingStore store, RequestReplies replies, TimeProvider clock)
{
    public async Task<FilingRecord> HandleAsync(SubmitFilingRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var fingerprint = RequestFingerprint.Of(nameof(Protos.Filing.Filing.FilingBase.SubmitFiling), request);
        if (string.IsNullOrWhiteSpace(request.BranchId))
        {
            throw DomainException.Invalid("branch_id", "name the branch to file");
        }

        var creditCode = UnifiedSocialCreditCode.Parse(request.BranchCreditCode, "branch_credit_code").Value;
        var batch = await batches.RequireAsync(request.BatchId, cancellationToken);
        var command = new SubmitFiling(
            request.RequestId, request.BatchId, request.BranchId.Trim(), request.RegionCode, FilingMappers.FromProto(request.Occupations), request.ExpectedVersion);

        for (var attempt = 0; attempt < RequestReplies.MaxAttempts; attempt++)
        {
            // Started together, so they share a round trip; an earlier answer is given before the Registry is asked, so a
            // retry after a lost reply gets it even while the Registry cannot be reached.
            var earlierReply = replies.FindAsync(caller, request.RequestId, fingerprint, FilingRecord.Parser);
            var read = store.FindFilingAsync(BranchFiling.IdFor(command.BatchId, command.BranchId));
            if (await earlierReply is { } earlier)
            {
                return earlier;
            }

            var current = await read;
            var facts = await branches.FindAsync(command.BatchId, command.BranchId, cancellationToken);
            var outcome = submission.Submit(current?.Filing, command, caller, facts, batch, clock.GetUtcNow());
            if (outcome.Refusal is { } refusal)
            {
                if (await replies.FindAsync(caller, request.RequestId, fingerprint, FilingRecord.Parser) is { } answeredMeanwhile)
                {
                    return answeredMeanwhile;
                }

                await store.RecordRefusalAsync(outcome.Audit, RegionsOf(current?.Filing, facts), outcome.Events);
                throw refusal;
            }

            var filing = outcome.State!;
            var stored = new StoredFiling(filing, creditCode);
            var reply = FilingMappers.ToProto(stored);
            var answer = RequestReplies.Reply(caller, request.RequestId, fingerprint, reply);
            var change = new FilingChangeToStore(
                filing, current?.Filing.Version ?? 0, answer.Reply!, filing.Status, filing.SubmittedAt, current?.Filing.Region.Code, current?.Filing.Status);
            if (await store.CommitFilingAsync(change, outcome.Audit, outcome.Events, answer))
            {
                return reply;
            }
        }

        throw RequestReplies.LostTooManyRaces("expected_version");
    }

    /// <summary>A refused filing concerns the bureau the branch belongs to, so its audit list shows it.</summary>
    private static string[] RegionsOf(BranchFiling? current, BranchFacts? facts) =>
        new[] { current?.Region.Code, facts?.RegisteredRegionCode }.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
}
