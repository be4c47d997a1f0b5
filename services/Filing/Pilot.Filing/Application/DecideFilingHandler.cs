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
        var number = string.IsNullOrWhiteSpace(request.FilingNumber) ? null : request.FilingNumber;
        return DecideAsync(request, nameof(Protos.Filing.Filing.FilingBase.AcceptFiling), request.RequestId, request.FilingId, caller, number,
            (filing, holder) => FilingReview.Accept(filing, command, caller, holder, clock.GetUtcNow()));
    }

    public Task<FilingRecord> RejectAsync(RejectFilingRequest request, Caller caller)
    {
        var command = new DomainRejectFiling(request.RequestId, request.FilingId, request.ExpectedVersion, request.Reason);
        return DecideAsync(request, nameof(Protos.Filing.Filing.FilingBase.RejectFiling), request.RequestId, request.FilingId, caller, null,
            (filing, _) => FilingReview.Reject(filing, command, caller, clock.GetUtcNow()));
    }

    /// <param name="number">The filing number the decision reserves, if any.</param>
    /// <param name="decide">The domain's decision, given the filing and the filing holding <paramref name="number"/> in its region.</param>
    private async Task<FilingRecord> DecideAsync(
        IMessage request,
        string method,
        string requestId,
        string filingId,
        Caller caller,
        string? number,
        Func<BranchFiling, string?, Outcome<BranchFiling>> decide)
    {
        if (string.IsNullOrWhiteSpace(filingId))
        {
            throw DomainException.Invalid("filing_id", "name the filing to decide (its filing_id, batch/branch)");
        }

        var fingerprint = RequestFingerprint.Of(method, request);
        for (var attempt = 0; attempt < RequestReplies.MaxAttempts; attempt++)
        {
            // The first attempt reads only the filing: the request id and the filing number are conditions of the commit,
            // so a retried request id or a number already in use fails the commit, and the next attempts read them first.
            var thorough = attempt > 0;
            var earlierReply = thorough ? replies.FindAsync(caller, requestId, fingerprint, FilingRecord.Parser) : null;
            var read = store.FindFilingAsync(filingId);

            // Only the bureau of the filing's region gets as far as the number check, so the number is looked up in the
            // caller's own region together with the filing (one round trip), and again only if the filing is elsewhere.
            var holderInOwnRegion = thorough && number is not null && caller.Region is { } ownRegion ? store.FindFilingIdAsync(ownRegion, number) : null;
            if (earlierReply is not null && await earlierReply is { } earlier)
            {
                return earlier;
            }

            var current = await read ?? throw DomainException.NotFound("filing_id", $"there is no filing '{filingId}'");
            var holder = !thorough || number is null ? null
                : holderInOwnRegion is not null && current.Filing.Region.Code == caller.Region ? await holderInOwnRegion
                : await store.FindFilingIdAsync(current.Filing.Region.Code, number);

            var outcome = decide(current.Filing, holder);
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
                filing, current.Filing.Version, answer.Reply!, filing.Status, filing.SubmittedAt,
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
