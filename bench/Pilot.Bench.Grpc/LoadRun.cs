using System.Diagnostics;

namespace Pilot.Bench.Grpc;

/// <summary>Closed-loop load (each worker calls again as soon as it has its answer) or paced load, with latencies.</summary>
public static class LoadRun
{
    /// <param name="GcPauseMs">Time the whole process (server and client) stood still for garbage collection during the run.</param>
    /// <param name="Gen2Collections">Full collections during the run.</param>
    /// <param name="Collections">All collections during the run.</param>
    /// <param name="CpuUsPerCall">Processor time of this process (server and client) per call, in microseconds.</param>
    /// <param name="RedisCpuUsPerCall">Processor time of the redis-server per call, in microseconds (0 when not given).</param>
    /// <param name="AllocatedKbPerCall">Bytes this process allocated per call, in KiB.</param>
    public sealed record Result(
        string Name, int Calls, double Seconds, double P50Ms, double P99Ms, double GcPauseMs, int Gen2Collections, int Collections,
        double CpuUsPerCall, double RedisCpuUsPerCall, double AllocatedKbPerCall)
    {
        public double PerSecond => Calls / Seconds;
    }

    /// <summary>The redis-server's processor time so far, when the bench has one; per-call costs then include it.</summary>
    public static Func<TimeSpan>? RedisProcessorTime { get; set; }

    // Processor time per call is steadier than throughput from one run to the next: it does not depend on how well the
    // two cores happened to be shared, so it is what tells a change's effect on a method's own cost.
    private readonly record struct GcMark(TimeSpan Paused, int Gen2, int All, TimeSpan Cpu, TimeSpan RedisCpu, long Allocated)
    {
        // Each collection counts once at its own generation and once at every younger one.
        public static GcMark Now => new(
            GC.GetTotalPauseDuration(), GC.CollectionCount(2), GC.CollectionCount(0), Environment.CpuUsage.TotalTime,
            RedisProcessorTime?.Invoke() ?? TimeSpan.Zero, GC.GetTotalAllocatedBytes(precise: false));
    }

    public static async Task<Result> ClosedLoopAsync(string name, int workers, TimeSpan duration, Func<int, Task> call)
    {
        var latencies = new List<double>[workers];
        var gc = GcMark.Now;
        var stopwatch = Stopwatch.StartNew();
        var counter = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (stopwatch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await call(Interlocked.Increment(ref counter)).ConfigureAwait(false);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })).ConfigureAwait(false);
        return Summarise(name, latencies.SelectMany(l => l).ToList(), stopwatch.Elapsed.TotalSeconds, gc);
    }

    public static async Task<Result> PacedAsync(string name, double perSecond, TimeSpan duration, Func<int, Task> call)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var pending = new List<Task>();
        var gc = GcMark.Now;
        var stopwatch = Stopwatch.StartNew();
        var total = (int)(perSecond * duration.TotalSeconds);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            var wait = due - stopwatch.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait).ConfigureAwait(false);
            }

            var n = i;
            pending.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                await call(n).ConfigureAwait(false);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }));
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        return Summarise(name, [.. latencies], stopwatch.Elapsed.TotalSeconds, gc);
    }

    private static Result Summarise(string name, List<double> latencies, double seconds, GcMark before)
    {
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];
        var after = GcMark.Now;
        var calls = Math.Max(1, latencies.Count);
        return new Result(
            name, latencies.Count, seconds, Percentile(0.50), Percentile(0.99), (after.Paused - before.Paused).TotalMilliseconds, after.Gen2 - before.Gen2, after.All - before.All,
            (after.Cpu - before.Cpu).TotalMicroseconds / calls, (after.RedisCpu - before.RedisCpu).TotalMicroseconds / calls, (after.Allocated - before.Allocated) / 1024.0 / calls);
    }
}
