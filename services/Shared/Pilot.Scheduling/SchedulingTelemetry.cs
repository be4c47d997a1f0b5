using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pilot.Scheduling;

/// <summary>The scheduler's ActivitySource and Meter.</summary>
internal sealed class SchedulingTelemetry : IDisposable
{
    public const string KindTag = "pilot.scheduling.job.kind";

    private readonly Meter _meter;
    private readonly Counter<long> _run;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _lag;

    public SchedulingTelemetry(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(SchedulingDiagnostics.Name);
        _run = _meter.CreateCounter<long>("pilot.scheduling.jobs.run", "{job}", "Jobs whose handler's writes committed.");
        _failed = _meter.CreateCounter<long>("pilot.scheduling.jobs.failed", "{job}", "Job attempts that failed.");
        _deadLettered = _meter.CreateCounter<long>("pilot.scheduling.jobs.dead_lettered", "{job}", "Jobs given up after their last attempt.");
        _lag = _meter.CreateHistogram<double>(
            "pilot.scheduling.jobs.lag", "s", "How long after it became due (or due again, for a retry) a job started running.");
    }

    public static ActivitySource ActivitySource { get; } = new(SchedulingDiagnostics.Name);

    public void Ran(string kind) => _run.Add(1, Tag(kind));

    public void Failed(string kind) => _failed.Add(1, Tag(kind));

    public void DeadLettered(string kind) => _deadLettered.Add(1, Tag(kind));

    public void Started(string kind, TimeSpan lag) => _lag.Record(Math.Max(0, lag.TotalSeconds), Tag(kind));

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?> Tag(string kind) => new(KindTag, kind);
}
