using Pilot.Filing.Application;
using Pilot.Filing.Domain.Filings;
using Pilot.Protos.Filing;
using DomainFilingDecision = Pilot.Filing.Domain.Filings.FilingDecision;
using DomainFilingStatus = Pilot.Filing.Domain.Filings.FilingStatus;
using ProtoFilingDecision = Pilot.Protos.Filing.FilingDecision;
using ProtoFilingStatus = Pilot.Protos.Filing.FilingStatus;

namespace Pilot.Filing.Grpc;

/// <summary>Filings from the domain to the wire, and the filters and occupations of requests from it.</summary>
internal static class FilingMappers
{
    public static FilingRecord ToProto(FilingView view)
    {
        var filing = view.Filing;
        var reply = new FilingRecord
        {
            FilingId = filing.FilingId,
            BatchId = filing.BatchId,
            BranchId = filing.BranchId,
            BranchCreditCode = view.BranchCreditCode,
            OrganisationId = filing.OrganisationId,
            Region = new Region { Code = filing.Region.Code, Name = filing.Region.Name },
            Status = ToProto(filing.Status),
            Version = filing.Version,
            Attempt = filing.Attempt,
            SubmittedAt = ProtoDates.ToTimestamp(filing.SubmittedAt),
            SubmittedBy = filing.SubmittedBy,
            Lateness = PackageMappers.ToProto(filing.Lateness),
            Decision = filing.Decision is null ? null : ToProto(filing.Decision),
        };
        reply.Occupations.AddRange(filing.Occupations.Select(o => new OccupationRef { Code = o.Code, SubType = o.SubType ?? string.Empty }));
        reply.PastDecisions.AddRange(filing.PastDecisions.Select(ToProto));
        return reply;
    }

    public static IReadOnlyList<Occupation> FromProto(IEnumerable<OccupationRef> occupations) =>
        occupations.Select(o => new Occupation(o.Code.Trim(), string.IsNullOrWhiteSpace(o.SubType) ? null : o.SubType.Trim())).ToList();

    public static ProtoFilingStatus ToProto(DomainFilingStatus status) => status switch
    {
        DomainFilingStatus.Submitted => ProtoFilingStatus.Submitted,
        DomainFilingStatus.Accepted => ProtoFilingStatus.Accepted,
        DomainFilingStatus.Rejected => ProtoFilingStatus.Rejected,
        _ => ProtoFilingStatus.Unspecified,
    };

    /// <summary>Unspecified means "any status" in a list filter.</summary>
    public static DomainFilingStatus? FromProto(ProtoFilingStatus status) => status switch
    {
        ProtoFilingStatus.Submitted => DomainFilingStatus.Submitted,
        ProtoFilingStatus.Accepted => DomainFilingStatus.Accepted,
        ProtoFilingStatus.Rejected => DomainFilingStatus.Rejected,
        _ => null,
    };

    public static FilingChange ToProto(FilingChanged change) => new()
    {
        Cursor = change.Cursor,
        Kind = ToChangeKind(change.Kind),
        Filing = ToProto(change.Filing),
    };

    public static ChangeKind ToChangeKind(DomainFilingStatus status) => status switch
    {
        DomainFilingStatus.Submitted => ChangeKind.Submitted,
        DomainFilingStatus.Accepted => ChangeKind.Accepted,
        DomainFilingStatus.Rejected => ChangeKind.Rejected,
        _ => ChangeKind.Unspecified,
    };

    private static ProtoFilingDecision ToProto(DomainFilingDecision decision) => new()
    {
        Outcome = ToProto(decision.Outcome),
        DecidedAt = ProtoDates.ToTimestamp(decision.DecidedAt),
        DecidedBy = decision.DecidedBy,
        FilingNumber = decision.FilingNumber ?? string.Empty,
        FiledOn = ProtoDates.ToIso(decision.FiledOn),
        Reason = decision.Reason ?? string.Empty,
    };
}
