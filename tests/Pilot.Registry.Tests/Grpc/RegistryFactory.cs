using Pilot.Testing.Services;

namespace Pilot.Registry.Tests.Grpc;

/// <summary>The Registry in process, shared by the gRPC tests of one class.</summary>
public sealed class RegistryFactory : ServiceFactory<Program>
{
    public RegistryFactory()
        : base(redisConnectionString: null)
    {
    }
}
