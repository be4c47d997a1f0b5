using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;

namespace Pilot.EndToEnd.Tests;

/// <summary>A local run is Development, so each service lists its methods through server reflection as grpcurl asks for them.</summary>
[Collection(PilotAppFixture.Collection)]
public sealed class ReflectionTests(PilotAppFixture fixture)
{
    public static TheoryData<string, string> ServicesAndContracts => new()
    {
        { "registry", "pilot.registry.v1.Registry" },
        { "filing", "pilot.filing.v1.Filing" },
        { "publication", "pilot.identity.v1.Identity" },
        { "notification", "pilot.identity.v1.Identity" },
    };

    [Theory]
    [MemberData(nameof(ServicesAndContracts))]
    public async Task Each_service_lists_its_services_through_reflection_as_grpcurl_does(string service, string contract)
    {
        using var channel = GrpcChannel.ForAddress(fixture.GrpcEndpoint(service));
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(cancellationToken: TestContext.Current.CancellationToken);

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty }, TestContext.Current.CancellationToken);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(TestContext.Current.CancellationToken));

        var listed = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains(contract, listed);
        Assert.Contains("grpc.health.v1.Health", listed);
    }
}
