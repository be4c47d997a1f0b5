using Grpc.Core;

namespace Pilot.Bench.Filing;

/// <summary>Answers with what it got; authenticated like Filing, so only Filing's own work differs.</summary>
internal sealed class EchoService : Echo.EchoBase
{
    public override Task<EchoMessage> Echo(EchoMessage request, ServerCallContext context) => Task.FromResult(request);
}
