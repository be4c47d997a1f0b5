using Grpc.Core;
using Pilot.Testing.Services;
using Proto = Pilot.Protos.Registry;

namespace Pilot.Registry.Tests.Grpc;

internal static class RegistryClientExtensions
{
    public static Proto.Registry.RegistryClient Client(this RedisServiceFactory<Program> factory) => new(factory.CreateChannel());

    public static CallOptions As(this RedisServiceFactory<Program> factory, string role, string? org = null, string? region = null) =>
        new(Bearer.Header(factory.Tokens.Issue(role, region: region, org: org)), cancellationToken: TestContext.Current.CancellationToken);
}
