using Pilot.Filing.Domain.Auditing;
using Pilot.SharedKernel;

namespace Pilot.Filing.Tests.Domain;

public sealed class AuditRecordTests
{
    [Fact]
    public void A_refused_request_with_megabyte_fields_leaves_a_bounded_record()
    {
        var huge = new string('x', 1024 * 1024);
        var caller = new Caller(huge, Roles.Department, Org: huge, System: huge);

        var record = AuditRecord.Refused(caller, DateTimeOffset.UnixEpoch, AuditActions.SubmitPackage, $"2020/{huge}", huge, DomainException.Forbidden(huge));

        Assert.All(new[] { record.Target, record.RequestId!, record.Subject, record.Org!, record.System! }, field => Assert.InRange(field.Length, 1, 128));
        Assert.InRange(record.Detail.Length, 1, 512);
        Assert.StartsWith("2020/xxx", record.Target, StringComparison.Ordinal);
        Assert.EndsWith("…", record.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ordinary_record_is_kept_whole()
    {
        var caller = new Caller("clerk-1", Roles.ProvincialHr, Region: "110000", System: "beijing-hr");

        var record = AuditRecord.Succeeded(caller, DateTimeOffset.UnixEpoch, AuditActions.AcceptFiling, "2020-1/br-1", "req-1", "accepted as 京人社备〔2020〕001号");

        Assert.Equal(("2020-1/br-1", "req-1", "clerk-1", "beijing-hr", "accepted as 京人社备〔2020〕001号"), (record.Target, record.RequestId, record.Subject, record.System, record.Detail));
    }
}
