using System.Diagnostics;

namespace Pilot.Bench.Grpc;

/// <summary>Closed-loop load (each worker calls again as soon as it has its answer) or paced load, with latencies.</summary>
public static class LoadRun
{
    public sealed record Result(string Name, int Calls, double Seconds, double P50Ms, double P99Ms)
    {
        public double PerSecond => Calls / Seconds;
    }

    public static async Task<Result> ClosedLoopAsync(string name, int workers, TimeSpan duration, Func<int, Task> call)
    {
        var latencies = new List<double>[workers];
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
        return Summarise(name, latencies.SelectMany(l => l).ToList(), stopwatch.Elapsed.TotalSeconds);
    }

    public static async Task<Result> PacedAsync(string name, double perSecond, TimeSpan duration, Func<int, Task> call)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var pending = new List<Task>();
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
        return Summarise(name, [.. latencies], stopwatch.Elapsed.TotalSeconds);
    }

    private static Result Summarise(string name, List<double> latencies, double seconds)
    {
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];
        return new Result(name, latencies.Count, seconds, Percentile(0.50), Percentile(0.99));
    }
}
