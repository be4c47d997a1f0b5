using Grpc.Core;

namespace Pilot.Bench.Grpc;

/// <summary>Answers with what it got; authenticated like the service measured, so only that service's own work differs.</summary>
public sealed class EchoService : Echo.EchoBase
{
    public override Task<EchoMessage> Echo(EchoMessage request, ServerCallContext context) => Task.FromResult(request);
}
