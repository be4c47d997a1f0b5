using Pilot.Registry.Domain.Commands;
using Pilot.Registry.Domain.Events;
using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.State;
using Pilot.SharedKernel;
using static Pilot.Registry.Tests.Domain.TestData;

namespace Pilot.Registry.Tests.Domain;

public sealed class BatchDecisionTests
{
    [Fact]
    public void National_centre_opens_a_batch_with_the_2020_milestones()
    {
        var decision = Decider.OpenBatch(new OpenBatch("r1", "2020-1", " 2020年第一批 ", BatchMilestones.For2020), NationalCentre, new InMemoryRegistryReadModel());

        Assert.Equal(BatchStatus.Open, decision.State.Status);
        Assert.Equal("2020年第一批", decision.State.Name);
        var opened = Assert.IsType<BatchOpened>(Assert.Single(decision.Events));
        Assert.Equal("pilot.registry.batch-opened.v1", Pilot.Registry.IntegrationEvents.RegistryEventMapper.ToOutgoing(opened).Type);
        Assert.Equal(new DateOnly(2020, 9, 30), opened.PlanStandardsAndFirstListDue);
        Assert.Equal(new DateOnly(2020, 10, 10), opened.LocalFilingGuidanceDue);
        Assert.Equal(new DateOnly(2020, 11, 15), opened.ImplementationPublicityAndDirectoryDue);
        Assert.Equal("2020-1", opened.Subject);
    }

    [Fact]
    public void Opening_an_existing_batch_is_a_conflict()
    {
        var error = Refused(() => Decider.OpenBatch(new OpenBatch("r1", Batch2020, "again", BatchMilestones.For2020), NationalCentre, Seeded()));
        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
    }

    [Fact]
    public void Milestones_out_of_order_and_an_empty_name_are_invalid_together()
    {
        var backwards = new BatchMilestones(new DateOnly(2020, 9, 30), new DateOnly(2020, 9, 1), new DateOnly(2020, 8, 1));
        var error = Refused(() => Decider.OpenBatch(new OpenBatch("r1", "b", " ", backwards), NationalCentre, new InMemoryRegistryReadModel()));

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Null(error.Rule);
        Assert.Equal(["name", "milestones.local_filing_guidance", "milestones.implementation_publicity_and_directory"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void A_malformed_batch_id_is_invalid()
    {
        var error = Refused(() => Decider.OpenBatch(new OpenBatch("r1", "bad id/", "n", BatchMilestones.For2020), NationalCentre, new InMemoryRegistryReadModel()));
        Assert.Equal("batch_id", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void National_centre_closes_an_open_batch_once()
    {
        var decision = Decider.CloseBatch(new CloseBatch("r2", Batch2020), NationalCentre, Seeded());
        Assert.Equal(BatchStatus.Closed, decision.State.Status);
        Assert.Equal(Pilot.Registry.IntegrationEvents.BatchClosed.EventType, Pilot.Registry.IntegrationEvents.RegistryEventMapper.ToOutgoing(Assert.Single(decision.Events)).Type);

        var again = Refused(() => Decider.CloseBatch(new CloseBatch("r3", Batch2020), NationalCentre, Seeded().With(decision.State)));
        Assert.Equal(ErrorKind.Precondition, again.Kind);
    }

    [Fact]
    public void Closing_an_unknown_batch_is_not_found()
    {
        Assert.Equal(ErrorKind.NotFound, Refused(() => Decider.CloseBatch(new CloseBatch("r", "nope"), NationalCentre, Seeded())).Kind);
    }

    [Theory]
    [MemberData(nameof(NotTheCentre))]
    public void Only_the_national_centre_opens_or_closes_batches(string role)
    {
        var caller = new Caller("u", role, Region: "110000", Org: Ministry);
        Assert.Equal(ErrorKind.Forbidden, Refused(() => Decider.OpenBatch(new OpenBatch("r", "b2", "n", BatchMilestones.For2020), caller, Seeded())).Kind);
        Assert.Equal(ErrorKind.Forbidden, Refused(() => Decider.CloseBatch(new CloseBatch("r", Batch2020), caller, Seeded())).Kind);
    }

    public static TheoryData<string> NotTheCentre() =>
        [Roles.Department, Roles.IndustryOrg, Roles.EvaluationOrg, Roles.ProvincialHr, Roles.Platform, "public"];
}
