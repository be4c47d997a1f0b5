using System.Diagnostics;

namespace Pilot.Bench.EventBus;

/// <summary>Drives a publisher either flat out (bounded in-flight) or at a fixed rate.</summary>
internal static class Pacer
{
    public const int MaxInFlight = 64;

    public static async Task FlatOutAsync(int count, Func<int, Task> publish)
    {
        using var slots = new SemaphoreSlim(MaxInFlight);
        var pending = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            await slots.WaitAsync();
            pending.Add(Release(publish(i), slots));
        }

        await Task.WhenAll(pending);
    }

    /// <summary>Starts publish i at i/rate seconds; publishes overlap if one is slow, as independent requests would.</summary>
    public static async Task AtRateAsync(int count, int perSecond, Func<int, Task> publish)
    {
        var clock = Stopwatch.StartNew();
        var pending = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            pending.Add(publish(i));
        }

        await Task.WhenAll(pending);
    }

    private static async Task Release(Task publish, SemaphoreSlim slots)
    {
        try
        {
            await publish;
        }
        finally
        {
            slots.Release();
        }
    }
}
