using System.Diagnostics;
using Dapr.Client;
using Microsoft.Extensions.DependencyInjection;
using Pilot.EventBus.Tests.Dapr;
using Pilot.EventBus.Tests.Support;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.EventBus.Tests;

/// <summary>
/// A real process commits a change and its event, then is killed (SIGKILL) before the event could be published:
/// the event still goes out, once, when a service of the same app comes back.
/// </summary>
public sealed class ProcessKillTests(RedisServerFixture redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly IDatabase _db = redis.Database;

    [Fact]
    public async Task Under_Dapr_the_event_of_a_killed_process_is_relayed_after_restart()
    {
        var appId = TestBus.NewAppId("probe");
        var eventId = await CommitThenKillAsync(appId, "dapr", "K1");

        Assert.Equal("committed", await _db.HashGetAsync($"{appId}:probe:K1", "state"));
        Assert.Equal(1, await _db.StreamLengthAsync(EventBusKeys.Outbox(appId)));

        var daprd = new CapturingDaprHandler();
        using var restarted = TestBus.Build(redis, appId, s => s.AddSingleton<DaprClient>(daprd.CreateClient()), o => o.Transport = EventBusTransport.Dapr);
        await restarted.StartAsync(Ct);
        await Eventually.HoldsAsync(() => !daprd.Published.IsEmpty, "the restarted relay publishes the event");
        await Eventually.HoldsAsync(async () => await _db.StreamLengthAsync(EventBusKeys.Outbox(appId)) == 0, "the outbox is empty");
        await restarted.StopAsync(Ct);

        var published = Assert.Single(daprd.Published);
        Assert.Equal(eventId, published.Metadata["cloudevent.id"]);
        Assert.Equal(ProbeCommitted.Topic, published.Topic);
    }

    [Fact]
    public async Task On_Redis_streams_the_event_of_a_killed_process_is_already_on_its_topic_and_handled_once()
    {
        var producer = TestBus.NewAppId("probe");
        await CommitThenKillAsync(producer, "redis", "K2");

        var consumerApp = TestBus.NewAppId("probe-consumer");
        HandlerProbe? probe = null;
        using var consumer = TestBus.Build(redis, consumerApp, s => probe = s.AddCountingHandler<ProbeCommitted>(consumerApp));
        await consumer.StartAsync(Ct);
        await Eventually.HoldsAsync(async () => await _db.HashGetAsync(probe!.StateKey, "K2") == 1, "the consumer handles the event");
        await consumer.StopAsync(Ct);

        Assert.Equal(1, probe!.Calls);
    }

    /// <summary>Runs the probe until it reports the commit, kills it, and returns the committed event's id.</summary>
    private async Task<string> CommitThenKillAsync(string appId, string transport, string key)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { ProbePath(), redis.ConnectionString, appId, transport, key })
        {
            start.ArgumentList.Add(arg);
        }

        using var probe = Process.Start(start) ?? throw new InvalidOperationException("could not start the crash probe");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            var line = await probe.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null || !line.StartsWith("committed ", StringComparison.Ordinal))
            {
                var error = await probe.StandardError.ReadToEndAsync(Ct);
                throw new InvalidOperationException($"the crash probe did not commit: '{line}' {error}");
            }

            return line["committed ".Length..];
        }
        finally
        {
            probe.Kill(entireProcessTree: true);
            await probe.WaitForExitAsync(Ct);
        }
    }

    /// <summary>The probe is built beside this project, in the same configuration.</summary>
    private static string ProbePath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var tests = output.Parent.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(tests, "Pilot.EventBus.CrashProbe", "bin", configuration, framework, "Pilot.EventBus.CrashProbe.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build tests/Pilot.EventBus.CrashProbe first (the solution build does)", path);
    }
}
