using Pilot.Filing.Application;
using Pilot.Filing.Domain.Filings;
using Pilot.Protos.Filing;
using DomainAcceptFiling = Pilot.Filing.Domain.Filings.AcceptFiling;
using DomainRejectFiling = Pilot.Filing.Domain.Filings.RejectFiling;

namespace Pilot.Filing.Grpc;

/// <summary>From the wire to the commands and queries. Shape errors (a date that is no date) name the request field.</summary>
internal static class FilingRequestMapper
{
    public static DeclaredPackage ToCommand(SubmitPackageRequest request) =>
        new(
            request.RequestId,
            request.BatchId,
            request.SponsorOrgId,
            request.ExpectedVersion,
            [.. request.Documents.Select(d => new DeclaredDocument(d.DocumentId, d.Sha256, [.. d.Sections], [.. d.Regulations]))],
            [.. request.BranchIds],
            ProtoDates.ParseOptional(request.LetterDate, "letter_date"));

    public static FileBranch ToCommand(SubmitFilingRequest request) =>
        new(
            new SubmitFiling(
                request.RequestId, request.BatchId, request.BranchId.Trim(), request.RegionCode, FilingMappers.FromProto(request.Occupations), request.ExpectedVersion),
            request.BranchCreditCode);

    public static DomainAcceptFiling ToCommand(AcceptFilingRequest request) =>
        new(request.RequestId, request.FilingId, request.ExpectedVersion, request.FilingNumber, ProtoDates.Parse(request.FiledOn, "filed_on"));

    public static DomainRejectFiling ToCommand(RejectFilingRequest request) =>
        new(request.RequestId, request.FilingId, request.ExpectedVersion, request.Reason);

    public static FilingListQuery ToQuery(ListFilingsRequest request) =>
        new(request.RegionCode, FilingMappers.FromProto(request.Status), request.PageToken, request.PageSize);

    public static DueItemsQuery ToQuery(ListDueItemsRequest request) =>
        new(request.BatchId, request.WithinWorkingDays, request.IncludeOverdue, ProtoDates.ParseOptional(request.Today, "today"));
}
