using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pilot.EventBus;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Events;
using DomainEvents = Pilot.Filing.Domain.Events;
using Pilot.Filing.Domain.Filings;
using Pilot.Filing.Domain.Materials;
using Pilot.Filing.IntegrationEvents;
using Pilot.Filing.Tests.Grpc;
using Pilot.SharedKernel;

namespace Pilot.Filing.Tests.IntegrationEvents;

/// <summary>
/// The data of each event on filing-events, as the bus writes it, byte for byte what it was when the domain's own
/// records were published: consumers (Publication, and systems outside Pilot) read these fields.
/// </summary>
public sealed class EventShapeTests(FilingFactory factory) : IClassFixture<FilingFactory>
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 11, 26, 8, 15, 30, TimeSpan.FromHours(8)).AddTicks(1234567);
    private static readonly Lateness Late = new(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 26), 6, 4);
    private static readonly IReadOnlyList<Occupation> Occupations = [new("6-18-02-04"), new("4-02-02-01", "汽车驾驶员")];

    public static TheoryData<string, FilingEvent, string> Events => new()
    {
        {
            "pilot.filing.package-submitted.v1",
            new DomainEvents.PackageSubmitted(At, "open/dept-1", "open", "dept-1", SubmitterKind.Department, ["pilot-work-plan", "x"], Late),
            """
            {"packageId":"open/dept-1","batchId":"open","sponsorOrgId":"dept-1","submitterKind":"department","documentIds":["pilot-work-plan","x"],"lateness":{"dueDate":"2026-11-20","submittedOn":"2026-11-26","calendarDaysLate":6,"workingDaysLate":4,"isLate":true},"type":"pilot.filing.package-submitted.v1","subject":"open/dept-1","occurredAt":"2026-11-26T08:15:30.1234567+08:00"}
            """
        },
        {
            "pilot.filing.package-accepted.v1",
            new DomainEvents.PackageAccepted(At, "open/assoc-1", "open", "assoc-1", SubmitterKind.IndustryOrganisation, 2, "open-assoc-1-02", At, Late, ["b-1", "b-2"]),
            """
            {"packageId":"open/assoc-1","batchId":"open","sponsorOrgId":"assoc-1","submitterKind":"industryOrganisation","versionNumber":2,"receiptNumber":"open-assoc-1-02","receivedAt":"2026-11-26T08:15:30.1234567+08:00","lateness":{"dueDate":"2026-11-20","submittedOn":"2026-11-26","calendarDaysLate":6,"workingDaysLate":4,"isLate":true},"branchIds":["b-1","b-2"],"type":"pilot.filing.package-accepted.v1","subject":"open/assoc-1","occurredAt":"2026-11-26T08:15:30.1234567+08:00"}
            """
        },
        {
            "pilot.filing.package-refused.v1",
            new DomainEvents.PackageRefused(At, "open/dept-1", "open", "dept-1", SubmitterKind.Department, [new FieldViolation("documents[x]", "missing 京")]),
            """
            {"packageId":"open/dept-1","batchId":"open","sponsorOrgId":"dept-1","submitterKind":"department","missing":[{"field":"documents[x]","description":"missing 京"}],"type":"pilot.filing.package-refused.v1","subject":"open/dept-1","occurredAt":"2026-11-26T08:15:30.1234567+08:00"}
            """
        },
        {
            "pilot.filing.filing-submitted.v1",
            new DomainEvents.FilingSubmitted(At, "open/b-1", "open", "b-1", "org-1", "110000", "北京市", Occupations, 2, Late),
            """
            {"filingId":"open/b-1","batchId":"open","branchId":"b-1","organisationId":"org-1","regionCode":"110000","regionName":"北京市","occupations":[{"code":"6-18-02-04","subType":null},{"code":"4-02-02-01","subType":"汽车驾驶员"}],"attempt":2,"lateness":{"dueDate":"2026-11-20","submittedOn":"2026-11-26","calendarDaysLate":6,"workingDaysLate":4,"isLate":true},"type":"pilot.filing.filing-submitted.v1","subject":"open/b-1","occurredAt":"2026-11-26T08:15:30.1234567+08:00"}
            """
        },
        {
            "pilot.filing.filing-accepted.v1",
            new DomainEvents.FilingAccepted(At, "open/b-1", "open", "京人社备〔2026〕1号", new DateOnly(2026, 11, 27), "b-1", "org-1", "110000", "北京市", Occupations),
            """
            {"filingId":"open/b-1","batchId":"open","filingNumber":"京人社备〔2026〕1号","filedOn":"2026-11-27","branchId":"b-1","organisationId":"org-1","regionCode":"110000","regionName":"北京市","occupations":[{"code":"6-18-02-04","subType":null},{"code":"4-02-02-01","subType":"汽车驾驶员"}],"type":"pilot.filing.filing-accepted.v1","subject":"open/b-1","occurredAt":"2026-11-26T08:15:30.1234567+08:00"}
            """
        },
        {
            "pilot.filing.filing-rejected.v1",
            new DomainEvents.FilingRejected(At, "open/b-1", "open", "b-1", "org-1", "110000", "北京市", "场地证明缺失\"x\""),
            """
            {"filingId":"open/b-1","batchId":"open","branchId":"b-1","organisationId":"org-1","regionCode":"110000","regionName":"北京市","reason":"场地证明缺失\u0022x\u0022","type":"pilot.filing.filing-rejected.v1","subject":"open/b-1","occurredAt":"2026-11-26T08:15:30.1234567+08:00"}
            """
        },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Each_domain_event_is_published_under_its_contract_with_the_data_it_always_had(string type, FilingEvent domainEvent, string data)
    {
        var outgoing = IntegrationEventMapper.ToOutgoing(domainEvent);
        var envelope = factory.Services.GetRequiredService<IEventOutbox>().Prepare(outgoing.Topic, outgoing.Type, outgoing.Data, "id");
        var written = JsonDocument.Parse(envelope.Data).RootElement;

        Assert.Equal((PilotTopics.Filing, type), (outgoing.Topic, outgoing.Type));
        Assert.Equal(type, written.GetProperty("type").GetString());
        Assert.Equal(data, written.GetProperty("data").GetRawText());
    }
}
