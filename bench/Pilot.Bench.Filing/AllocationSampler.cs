using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Pilot.Bench.Filing;

/// <summary>
/// Bytes allocated by type while <see cref="On"/>, from the runtime's allocation ticks (one event per ~100 KB
/// allocated, naming the type that crossed the mark): a sample, good for telling which types dominate.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    public ConcurrentDictionary<string, long> Bytes { get; } = new();

    public bool On { get; set; }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!On || eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        var typeAt = eventData.PayloadNames.IndexOf("TypeName");
        var amountAt = eventData.PayloadNames.IndexOf("AllocationAmount64");
        var type = typeAt >= 0 ? eventData.Payload[typeAt]?.ToString() ?? "?" : "?";
        var amount = amountAt >= 0 ? Convert.ToInt64(eventData.Payload[amountAt], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        Bytes.AddOrUpdate(type, amount, (_, total) => total + amount);
    }
}
