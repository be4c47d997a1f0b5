using System.Diagnostics;

namespace Pilot.EventBus.Envelope;

/// <summary>W3C trace context to stamp on an outgoing event.</summary>
internal readonly record struct TraceContext(string TraceParent, string TraceState)
{
    /// <summary>
    /// The current activity's context; without one the event starts a fresh trace (not sampled),
    /// because the contract requires a traceparent on every envelope.
    /// </summary>
    public static TraceContext Current()
    {
        var activity = Activity.Current;
        if (activity is not null && activity.IdFormat == ActivityIdFormat.W3C && activity.Id is { } id)
        {
            return new TraceContext(id, activity.TraceStateString ?? "");
        }

        var fresh = $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-00";
        return new TraceContext(fresh, "");
    }
}
