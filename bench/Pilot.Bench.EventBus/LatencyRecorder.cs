using System.Diagnostics;

namespace Pilot.Bench.EventBus;

/// <summary>Publish and handle timestamps by sequence number; completes when every event was handled once.</summary>
internal sealed class LatencyRecorder(int count)
{
    private readonly long[] _sent = new long[count];
    private readonly long[] _handled = new long[count];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining = count;

    public Task AllHandled => _done.Task;

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
        return new RunResult(name, latencies.Length / elapsed.TotalSeconds, At(0.50), At(0.99), latencies[^1]);
    }
}

internal sealed record RunResult(string Name, double EventsPerSecond, double P50Ms, double P99Ms, double MaxMs)
{
    public override string ToString() =>
        $"{Name,-34} {EventsPerSecond,10:N0} ev/s   p50 {P50Ms,7:N2} ms   p99 {P99Ms,7:N2} ms   max {MaxMs,7:N2} ms";
}
