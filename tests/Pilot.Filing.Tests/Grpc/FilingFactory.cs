using Pilot.Testing.Services;

namespace Pilot.Filing.Tests.Grpc;

/// <summary>The Filing service in process, shared by the gRPC tests of one class.</summary>
public sealed class FilingFactory : ServiceFactory<Program>
{
    public FilingFactory()
        : base(redisConnectionString: null)
    {
    }
}
