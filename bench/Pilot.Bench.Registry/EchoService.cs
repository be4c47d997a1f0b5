using Grpc.Core;

namespace Pilot.Bench.Registry;

/// <summary>Answers with what it got; authenticated like the Registry, so only the Registry's own work differs.</summary>
internal sealed class EchoService : Echo.EchoBase
{
    public override Task<EchoMessage> Echo(EchoMessage request, ServerCallContext context) => Task.FromResult(request);
}
