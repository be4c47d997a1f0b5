using Google.Protobuf;
using Pilot.Filing.Domain;
using Pilot.Filing.Domain.Filings;
using Pilot.Filing.Grpc;
using Pilot.Filing.Storage;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;
using DomainAcceptFiling = Pilot.Filing.Domain.Filings.AcceptFiling;
using DomainRejectFiling = Pilot.Filing.Domain.Filings.RejectFiling;

namespace Pilot.Filing.Application;

/// <summary>
/// A bureau accepts or rejects a filing (R6). The version condition lets exactly one of two concurrent
/// decisions through; the loser re-reads, and the domain tells it the filing changed under it.
/// </summary>
internal sealed class DecideFilingHandler(FilingStore store, RequestReplies replies, TimeProvider clock)
{
    public Task<FilingRecord> AcceptAsync(AcceptFilingRequest request, Caller caller)
    {
        var filedOn = ProtoDates.Parse(request.FiledOn, "filed_on");
        var command = new DomainAcceptFiling(request.RequestId, request.FilingId, request.ExpectedVersion, request.FilingNumber, filedOn);
        // Only the bureau of the filing's region gets as far as the number check, so the holder of the number in the
        // caller's own region is read together with the request id and the filing (one round trip instead of three).
        Func<Task<string?>>? prefetch = string.IsNullOrWhiteSpace(request.FilingNumber) || caller.Region is not { } ownRegion
            ? null
            : () => store.FindFilingIdAsync(ownRegion, request.FilingNumber);
        return DecideAsync(request, nameof(Protos.Filing.Filing.FilingBase.AcceptFiling), request.RequestId, request.FilingId, caller, async (filing, prefetched) =>
        {
            var holder = string.IsNullOrWhiteSpace(request.FilingNumber) ? null
                : filing.Region.Code == caller.Region && prefetched is not null ? await prefetched
                : await store.FindFilingIdAsync(filing.Region.Code, request.FilingNumber);
            return FilingReview.Accept(filing, command, caller, holder, clock.GetUtcNow());
        }, prefetch);
    }

    public Task<FilingRecord> RejectAsync(RejectFilingRequest request, Caller caller)
    {
        var command = new DomainRejectFiling(request.RequestId, request.FilingId, request.ExpectedVersion, request.Reason);
        return DecideAsync(request, nameof(Protos.Filing.Filing.FilingBase.RejectFiling), request.RequestId, request.FilingId, caller,
            (filing, _) => Task.FromResult(FilingReview.Reject(filing, command, caller, clock.GetUtcNow())));
    }

    private async Task<FilingRecord> DecideAsync(
        IMessage request,
        string method,
        string requestId,
        string filingId,
        Caller caller,
        Func<BranchFiling, Task<string?>?, Task<Outcome<BranchFiling>>> decide,
        Func<Task<string?>>? prefetch = null)
    {
        var fingerprint = RequestFingerprint.Of(method, request);
        for (var attempt = 0; attempt < RequestReplies.MaxAttempts; attempt++)
        {
            // Started together, so StackExchange.Redis pipelines them on the connection.
            var earlierReply = replies.FindAsync(caller, requestId, fingerprint, FilingRecord.Parser);
            var read = string.IsNullOrWhiteSpace(filingId) ? Task.FromResult<StoredFiling?>(null) : store.FindFilingAsync(filingId);
            var prefetched = prefetch?.Invoke();
            if (await earlierReply is { } earlier)
            {
                return earlier;
            }

            var current = await read;
            if (current is null)
            {
                // Filing ids are batch/branch, which every bureau can read in the Registry: their existence is no secret.
                throw DomainException.NotFound("filing_id", $"there is no filing '{filingId}'");
            }

            var outcome = await decide(current.Filing, prefetched);
            if (outcome.Refusal is { } refusal)
            {
                if (await replies.FindAsync(caller, requestId, fingerprint, FilingRecord.Parser) is { } answeredMeanwhile)
                {
                    return answeredMeanwhile;
                }

                await store.RecordRefusalAsync(outcome.Audit, [current.Filing.Region.Code], outcome.Events);
                throw refusal;
            }

            var filing = outcome.State!;
            var reply = FilingMappers.ToProto(current with { Filing = filing });
            var answer = RequestReplies.Reply(caller, requestId, fingerprint, reply);
            var change = new FilingChangeToStore(
                filing, current.Filing.Version, answer.Reply!, filing.Status, current.BranchCreditCode, filing.SubmittedAt,
                PreviousRegionCode: current.Filing.Region.Code,
                PreviousStatus: current.Filing.Status,
                ReservedNumber: filing.Status == Domain.Filings.FilingStatus.Accepted ? filing.Decision?.FilingNumber : null);
            if (await store.CommitFilingAsync(change, outcome.Audit, outcome.Events, answer))
            {
                return reply;
            }
        }

        throw RequestReplies.LostTooManyRaces("expected_version");
    }
}
