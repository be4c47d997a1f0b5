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
        return DecideAsync(request, nameof(Protos.Filing.Filing.FilingBase.AcceptFiling), request.RequestId, request.FilingId, caller, async filing =>
        {
            var holder = string.IsNullOrWhiteSpace(request.FilingNumber)
                ? null
                : await store.FindFilingIdAsync(filing.Region.Code, request.FilingNumber);
            return FilingReview.Accept(filing, command, caller, holder, clock.GetUtcNow());
        });
    }

    public Task<FilingRecord> RejectAsync(RejectFilingRequest request, Caller caller)
    {
        var command = new DomainRejectFiling(request.RequestId, request.FilingId, request.ExpectedVersion, request.Reason);
        return DecideAsync(request, nameof(Protos.Filing.Filing.FilingBase.RejectFiling), request.RequestId, request.FilingId, caller,
            filing => Task.FromResult(FilingReview.Reject(filing, command, caller, clock.GetUtcNow())));
    }

    private async Task<FilingRecord> DecideAsync(
        IMessage request, string method, string requestId, string filingId, Caller caller, Func<BranchFiling, Task<Outcome<BranchFiling>>> decide)
    {
        var fingerprint = RequestFingerprint.Of(method, request);
        for (var attempt = 0; attempt < RequestReplies.MaxAttempts; attempt++)
        {
            if (await replies.FindAsync(caller, requestId, fingerprint, FilingRecord.Parser) is { } earlier)
            {
                return earlier;
            }

            var current = string.IsNullOrWhiteSpace(filingId) ? null : await store.FindFilingAsync(filingId);
            if (current is null)
            {
                // Filing ids are batch/branch, which every bureau can read in the Registry: their existence is no secret.
                throw DomainException.NotFound("filing_id", $"there is no filing '{filingId}'");
            }

            var outcome = await decide(current.Filing);
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
            var change = new FilingChangeToStore(
                filing, current.Filing.Version, filing.Status, current.BranchCreditCode, filing.SubmittedAt,
                ReservedNumber: filing.Status == Domain.Filings.FilingStatus.Accepted ? filing.Decision?.FilingNumber : null);
            if (await store.CommitFilingAsync(change, outcome.Audit, outcome.Events, RequestReplies.Reply(caller, requestId, fingerprint, reply)))
            {
                return reply;
            }
        }

        throw RequestReplies.LostTooManyRaces("expected_version");
    }
}
