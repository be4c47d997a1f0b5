using System.Text.Json;
using Pilot.Registry.Domain.Commands;
using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.State;
using Pilot.Registry.IntegrationEvents;
using static Pilot.Registry.Tests.Domain.TestData;

namespace Pilot.Registry.Tests.IntegrationEvents;

/// <summary>What subscribers of registry-events read: the contract's JSON, not the domain record's.</summary>
public sealed class RegistryEventMapperTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_registered_department_is_published_with_its_kind_by_name_its_subject_and_its_occupations_named()
    {
        var decision = Decider.RegisterDepartment(
            new RegisterDepartment("r", "dept-map", "交通运输部", [new OccupationRef(Electrician)]), DepartmentCaller("dept-map"), new InMemoryRegistryReadModel());

        var outgoing = RegistryEventMapper.ToOutgoing(Assert.Single(decision.Events));
        var data = JsonSerializer.SerializeToElement(outgoing.Data, outgoing.Data.GetType(), Web);

        Assert.Equal("registry-events", outgoing.Topic);
        Assert.Equal("pilot.registry.sponsor-registered.v1", outgoing.Type);
        Assert.Equal("governmentDepartment", data.GetProperty("kind").GetString());
        Assert.Equal("dept-map", data.GetProperty("subject").GetString());
        Assert.Equal("电工", data.GetProperty("occupations")[0].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("industryKind").ValueKind);
    }
}
