using Pilot.Registry.Domain.Commands;
using Pilot.Registry.Domain.Events;
using Pilot.Registry.Domain.Model;
using Pilot.SharedKernel;
using static Pilot.Registry.Tests.Domain.TestData;

namespace Pilot.Registry.Tests.Domain;

public sealed class ExceptionTests
{
    private static readonly DateTimeOffset Now = new(2020, 9, 28, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_national_centre_records_an_exception_ahead_of_registration()
    {
        var decision = Decider.RecordException(new RecordException("r", PartyKind.Organisation, CodeD, " 行业唯一鉴定机构 "), NationalCentre, Seeded(), Now);

        Assert.Equal("R1", decision.State.Rule);
        Assert.Equal("行业唯一鉴定机构", decision.State.Reason);
        Assert.Equal(Now, decision.State.RecordedAt);
        var recorded = Assert.IsType<ExceptionRecorded>(Assert.Single(decision.Events));
        Assert.Equal("pilot.registry.exception-recorded.v1", Pilot.Registry.IntegrationEvents.RegistryEventMapper.ToOutgoing(recorded).Type);
        Assert.Null(recorded.PartyId);
        Assert.Equal("centre-user", recorded.RecordedBy);
    }

    [Fact]
    public void An_exception_for_a_registered_party_names_it_in_the_event()
    {
        var decision = Decider.RecordException(new RecordException("r", PartyKind.Organisation, CodeA, "reason"), NationalCentre, Seeded(), Now);
        var recorded = Assert.IsType<ExceptionRecorded>(Assert.Single(decision.Events));
        Assert.Equal((OrgA, "Organisation org-a"), (recorded.PartyId, recorded.PartyName));
    }

    [Fact]
    public void An_empty_reason_is_invalid()
    {
        var error = Refused(() => Decider.RecordException(new RecordException("r", PartyKind.Branch, CodeD, "   "), NationalCentre, Seeded(), Now));
        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Equal("reason", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void The_party_kind_must_match_the_registered_party()
    {
        var error = Refused(() => Decider.RecordException(new RecordException("r", PartyKind.Branch, CodeA, "reason"), NationalCentre, Seeded(), Now));
        Assert.Equal("party", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void A_second_exception_for_the_same_party_is_a_conflict()
    {
        var first = Decider.RecordException(new RecordException("r", PartyKind.Organisation, CodeD, "reason"), NationalCentre, Seeded(), Now).State;
        var error = Refused(() => Decider.RecordException(new RecordException("r2", PartyKind.Organisation, CodeD, "again"), NationalCentre, Seeded().With(first), Now));
        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
    }

    [Fact]
    public void Only_the_national_centre_records_exceptions()
    {
        foreach (var caller in new[] { DepartmentCaller(), IndustryCaller(), EvaluationOrgCaller(), BureauCaller(), PlatformCaller, Caller.Anonymous })
        {
            var error = Refused(() => Decider.RecordException(new RecordException("r", PartyKind.Organisation, CodeD, "reason"), caller, Seeded(), Now));
            Assert.Equal(ErrorKind.Forbidden, error.Kind);
        }
    }
}
