using Pilot.Protos.Registry;

namespace Pilot.Registry.Tests.Grpc;

public sealed class RegionsTests(RegistryFactory factory) : IClassFixture<RegistryFactory>
{
    [Fact]
    public async Task Anyone_may_list_the_province_level_regions()
    {
        var client = new Protos.Registry.Registry.RegistryClient(factory.CreateChannel());
        var reply = await client.ListRegionsAsync(new ListRegionsRequest(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(31, reply.Regions.Count);
        Assert.Contains(reply.Regions, region => region.Code == "440000" && region.Name == "广东省");
        Assert.Equal(reply.Regions.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => r.Code), reply.Regions.Select(r => r.Code));
    }
}
