using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Pilot.ServiceDefaults.Telemetry;

/// <summary>
/// One trace per meaningful operation: a client span with no parent is background polling (the event bus's stream
/// reads and monitors, the scheduler's claims, Redis health pings), which would bury the calls and events an operator
/// looks for under a root trace every few milliseconds; it is dropped, and stays visible in the metrics. Everything
/// else follows its parent's decision, and a root of any other kind (an incoming call, an event handled, a demo
/// step) is recorded.
/// </summary>
public sealed class BackgroundRootSampler : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private readonly Sampler inner = new ParentBasedSampler(new AlwaysOnSampler());

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.ParentContext.TraceId == default && samplingParameters.Kind == ActivityKind.Client
            ? Drop
            : inner.ShouldSample(samplingParameters);
}
