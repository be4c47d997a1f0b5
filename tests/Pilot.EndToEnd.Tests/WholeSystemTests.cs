using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Pilot.EndToEnd.Tests;

[Collection(PilotAppFixture.Collection)]
public sealed class WholeSystemTests(PilotAppFixture fixture)
{
    public static TheoryData<string> Services => [.. PilotAppFixture.Services];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Each_service_answers_the_grpc_health_service_on_its_grpc_endpoint(string service)
    {
        using var channel = GrpcChannel.ForAddress(fixture.GrpcEndpoint(service));
        var reply = await new Health.HealthClient(channel).CheckAsync(
            new HealthCheckRequest(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task The_demo_walks_through_the_services_and_finishes_successfully()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        var finished = await fixture.App.ResourceNotifications.WaitForResourceAsync(
            "demo",
            resource => KnownResourceStates.TerminalStates.Contains(resource.Snapshot.State?.Text),
            timeout.Token);
        Assert.Equal(KnownResourceStates.Finished, finished.Snapshot.State?.Text);
        Assert.Equal(0, finished.Snapshot.ExitCode);
    }

    [Fact]
    public async Task A_public_registry_read_works_from_outside_through_the_fixed_grpc_endpoint()
    {
        using var channel = GrpcChannel.ForAddress(fixture.GrpcEndpoint("registry"));
        var reply = await new Pilot.Protos.Registry.Registry.RegistryClient(channel).ListRegionsAsync(
            new Pilot.Protos.Registry.ListRegionsRequest(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(31, reply.Regions.Count);
    }
}
