using Pilot.Filing.Domain.Filings;
using Pilot.Filing.Storage;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;
using Lateness = Pilot.Filing.Domain.Deadlines.Lateness;
using DomainFilingDecision = Pilot.Filing.Domain.Filings.FilingDecision;
using DomainFilingStatus = Pilot.Filing.Domain.Filings.FilingStatus;
using ProtoFilingDecision = Pilot.Protos.Filing.FilingDecision;
using ProtoFilingStatus = Pilot.Protos.Filing.FilingStatus;

namespace Pilot.Filing.Grpc;

internal static class FilingMappers
{
    public static FilingRecord ToProto(StoredFiling stored)
    {
        var filing = stored.Filing;
        var reply = new FilingRecord
        {
            FilingId = filing.FilingId,
            BatchId = filing.BatchId,
            BranchId = filing.BranchId,
            BranchCreditCode = stored.BranchCreditCode,
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

    /// <summary>
    /// The filing back from the record stored beside it (<see cref="FilingStore"/>): the record holds every field of
    /// the domain's filing, so decisions read it instead of a second JSON copy of the state.
    /// </summary>
    public static StoredFiling ToStored(FilingRecord record)
    {
        var region = ProvinceRegion.TryFind(record.Region.Code, out var known) && known.Name == record.Region.Name
            ? known
            : new ProvinceRegion(record.Region.Code, record.Region.Name);
        var filing = new BranchFiling(
            record.FilingId,
            record.BatchId,
            record.BranchId,
            record.OrganisationId,
            region,
            FromProto(record.Occupations),
            FromStored(record.Status),
            record.Version,
            record.Attempt,
            record.SubmittedAt.ToDateTimeOffset(),
            record.SubmittedBy,
            new Lateness(
                StoredDate(record.Lateness.DueDate), StoredDate(record.Lateness.SubmittedOn), record.Lateness.CalendarDaysLate, record.Lateness.WorkingDaysLate),
            record.Decision is null ? null : ToDomain(record.Decision),
            record.PastDecisions.Select(ToDomain).ToList());
        return new StoredFiling(filing, record.BranchCreditCode);
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

    public static ChangeKind ToChangeKind(DomainFilingStatus status) => status switch
    {
        DomainFilingStatus.Submitted => ChangeKind.Submitted,
        DomainFilingStatus.Accepted => ChangeKind.Accepted,
        DomainFilingStatus.Rejected => ChangeKind.Rejected,
        _ => ChangeKind.Unspecified,
    };

    private static DomainFilingDecision ToDomain(ProtoFilingDecision decision) => new(
        FromStored(decision.Outcome),
        decision.DecidedAt.ToDateTimeOffset(),
        decision.DecidedBy,
        decision.FilingNumber.Length == 0 ? null : decision.FilingNumber,
        decision.FiledOn.Length == 0 ? null : StoredDate(decision.FiledOn),
        decision.Reason.Length == 0 ? null : decision.Reason);

    private static DomainFilingStatus FromStored(ProtoFilingStatus status) =>
        FromProto(status) ?? throw new InvalidOperationException($"a stored filing record has no status ({status})");

    // A stored record was written by this service, so a date it cannot read is damaged data, not a caller's mistake.
    private static DateOnly StoredDate(string iso) =>
        DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

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
