using Pilot.Testing.Services;

namespace Pilot.Publication.Tests.Grpc;

/// <summary>The Publication service in process, shared by the gRPC tests of one class.</summary>
public sealed class PublicationFactory : ServiceFactory<Program>
{
    public PublicationFactory()
        : base(redisConnectionString: null)
    {
    }
}
