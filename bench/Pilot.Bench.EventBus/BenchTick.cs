using Pilot.EventBus;

namespace Pilot.Bench.EventBus;

/// <summary>The measured event; <see cref="Padding"/> brings the payload to a realistic size.</summary>
public sealed record BenchTick(int Seq, string Padding) : IIntegrationEvent
{
    public static string EventType => "pilot.bench.tick.v1";

    public static string Topic => "bench-events";
}
