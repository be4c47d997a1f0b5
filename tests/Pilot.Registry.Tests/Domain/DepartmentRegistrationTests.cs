using Pilot.Registry.Domain.Commands;
using Pilot.Registry.Domain.Events;
using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.State;
using Pilot.SharedKernel;
using static Pilot.Registry.Tests.Domain.TestData;

namespace Pilot.Registry.Tests.Domain;

public sealed class DepartmentRegistrationTests
{
    private static RegisterDepartment Command(string id = "dept-new", params OccupationRef[] former) =>
        new("r", id, "交通运输部", former.Length == 0 ? [new(Electrician), new(ChineseCook, "热菜")] : former);

    [Fact]
    public void A_department_registers_itself_with_its_former_occupations()
    {
        var decision = Decider.RegisterDepartment(Command(), DepartmentCaller("dept-new"), new InMemoryRegistryReadModel());

        Assert.Equal([new OccupationRef(Electrician), new OccupationRef(ChineseCook, "热菜")], decision.State.FormerOccupations);
        var registered = Assert.IsType<SponsorRegistered>(Assert.Single(decision.Events));
        Assert.Equal(SponsorKind.GovernmentDepartment, registered.Kind);
        Assert.Equal("pilot.registry.sponsor-registered.v1", Pilot.Registry.IntegrationEvents.RegistryEventMapper.ToOutgoing(registered).Type);
        Assert.Equal(["电工", "中式烹调师"], registered.Occupations.Select(o => o.Name));
        Assert.Null(registered.IndustryKind);
    }

    [Fact]
    public void A_department_may_not_register_another_department()
    {
        var error = Refused(() => Decider.RegisterDepartment(Command(), DepartmentCaller("dept-other"), new InMemoryRegistryReadModel()));
        Assert.Equal(ErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    public void The_national_centre_may_register_any_department()
    {
        Assert.Equal("dept-new", Decider.RegisterDepartment(Command(), NationalCentre, new InMemoryRegistryReadModel()).State.Id);
    }

    [Fact]
    public void A_licensing_former_occupation_is_refused_by_R2_naming_its_index()
    {
        var error = Refused(() => Decider.RegisterDepartment(Command("dept-new", new(Electrician), new(Welder)), NationalCentre, new InMemoryRegistryReadModel()));

        Assert.Equal("R2", error.Rule);
        Assert.Equal("department.former_occupations[1].code", Assert.Single(error.Violations).Field);
        Assert.Contains("焊工", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_already_used_by_an_organisation_is_a_conflict()
    {
        var error = Refused(() => Decider.RegisterDepartment(Command(OrgA), NationalCentre, Seeded()));
        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
    }

    [Fact]
    public void Unknown_and_duplicate_occupations_are_plain_input_errors()
    {
        var error = Refused(() => Decider.RegisterDepartment(Command("dept-new", new(Electrician), new("6-99-99-99"), new(Electrician), new("6.18.02.04")), NationalCentre, new InMemoryRegistryReadModel()));

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Null(error.Rule);
        Assert.Equal(
            ["department.former_occupations[1].code", "department.former_occupations[3].code", "department.former_occupations[2]"],
            error.Violations.Select(v => v.Field));
    }
}
