using System.Diagnostics;

namespace Pilot.Bench.EventBus;

/// <summary>Publish and handle timestamps by sequence number; completes when every event was handled once.</summary>
internal sealed class LatencyRecorder(int count)
{
    private readonly long[] _sent = new long[count];
    private readonly long[] _handled = new long[count];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining = count;
    private TimeSpan _cpuAtStart;
    private TimeSpan _redisCpuAtStart;

    /// <summary>The redis-server's processor time so far; per-event costs then include Redis's share.</summary>
    public static Func<TimeSpan> RedisProcessorTime { get; set; } = () => TimeSpan.Zero;

    public Task AllHandled => _done.Task;

    /// <summary>Marks where the measured run starts, for the processor time per event.</summary>
    public void Start()
    {
        _cpuAtStart = Environment.CpuUsage.TotalTime;
        _redisCpuAtStart = RedisProcessorTime();
    }

    public void Sent(int seq) => _sent[seq] = Stopwatch.GetTimestamp();

    public void Handled(int seq)
    {
        if (Interlocked.CompareExchange(ref _handled[seq], Stopwatch.GetTimestamp(), 0) == 0 && Interlocked.Decrement(ref _remaining) == 0)
        {
            _done.TrySetResult();
        }
    }

    public RunResult Summarise(string name, TimeSpan elapsed)
    {
        var latencies = _handled.Zip(_sent, (h, s) => Stopwatch.GetElapsedTime(s, h).TotalMilliseconds).Order().ToArray();
        double At(double q) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
        var cpu = (Environment.CpuUsage.TotalTime - _cpuAtStart).TotalMicroseconds / latencies.Length;
        var redisCpu = (RedisProcessorTime() - _redisCpuAtStart).TotalMicroseconds / latencies.Length;
        return new RunResult(name, latencies.Length / elapsed.TotalSeconds, At(0.50), At(0.99), latencies[^1], cpu, redisCpu);
    }
}

/// <param name="CpuUsPerEvent">Processor time of this process (producer, bus and consumer) per event, in microseconds.</param>
/// <param name="RedisCpuUsPerEvent">Processor time of the redis-server per event, in microseconds.</param>
internal sealed record RunResult(string Name, double EventsPerSecond, double P50Ms, double P99Ms, double MaxMs, double CpuUsPerEvent, double RedisCpuUsPerEvent)
{
    public override string ToString() =>
        $"{Name,-34} {EventsPerSecond,10:N0} ev/s   p50 {P50Ms,7:N2} ms   p99 {P99Ms,7:N2} ms   max {MaxMs,7:N2} ms   CPU/event {CpuUsPerEvent,5:N1} + {RedisCpuUsPerEvent,4:N1} µs (.NET + Redis)";
}
