using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Pilot.AppHost.Resources;

namespace Pilot.AppHost;

/// <summary>
/// Ends the console's start with one block an operator can act on: every service healthy with its ports, Redis's
/// address, the dashboard's login link, and then the demo's result (passed, or the steps that failed).
/// </summary>
internal sealed class StartupSummary(
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    DistributedApplicationModel model,
    IConfiguration configuration) : BackgroundService
{
    private static readonly string[] Services = ["registry", "filing", "publication", "notification"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var failedSteps = CollectFailedStepsAsync(stoppingToken);
            foreach (var service in Services)
            {
                await notifications.WaitForResourceHealthyAsync(service, stoppingToken).ConfigureAwait(false);
            }

            await Console.Out.WriteLineAsync(Ready()).ConfigureAwait(false);
            var demo = await notifications.WaitForResourceAsync(
                "demo", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), stoppingToken).ConfigureAwait(false);
            var failed = await failedSteps.ConfigureAwait(false);
            await Console.Out.WriteLineAsync(demo.Snapshot.ExitCode == 0
                ? "pilot: demo passed (its output: dashboard → resource demo → console logs)"
                : $"pilot: demo FAILED (exit code {demo.Snapshot.ExitCode}){(failed.Count > 0 ? ": " + string.Join("; ", failed) : string.Empty)}").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before everything came up: the console already says why.
        }
    }

    private string Ready()
    {
        var text = new StringBuilder().AppendLine().AppendLine("pilot: ready");
        foreach (var service in Services)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {service,-13} healthy  gRPC localhost:{configuration[$"Pilot:Ports:{service}:grpc"]}  HTTP localhost:{configuration[$"Pilot:Ports:{service}:http"]} (/health)");
        }

        var redis = model.Resources.OfType<RedisServerResource>().Single().PrimaryEndpoint;
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"redis",-13} {(redis.IsAllocated ? $"localhost:{redis.Port}" : "(no port yet)")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"mail",-13} http://localhost:{configuration["Pilot:Ports:smtp4dev:http"]} (smtp4dev: the mails Notification sent)");
        var dashboard = (configuration["ASPNETCORE_URLS"] ?? "http://localhost:18888").Split(';')[0].TrimEnd('/');
        text.AppendLine(configuration["AppHost:BrowserToken"] is { Length: > 0 } token
            ? $"  {"dashboard",-13} {dashboard}/login?t={token}"
            : $"  {"dashboard",-13} {dashboard}");
        return text.Append("  demo          running (a few seconds)…").ToString();
    }

    /// <summary>The demo's "FAIL …" lines, until it ends.</summary>
    private async Task<IReadOnlyList<string>> CollectFailedStepsAsync(CancellationToken stoppingToken)
    {
        var failed = new List<string>();
        using var untilDone = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var done = notifications.WaitForResourceAsync("demo", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), untilDone.Token);
        _ = done.ContinueWith(_ => untilDone.CancelAfter(TimeSpan.FromSeconds(1)), TaskScheduler.Default);
        try
        {
            await foreach (var batch in logs.WatchAsync("demo").WithCancellation(untilDone.Token).ConfigureAwait(false))
            {
                failed.AddRange(batch.Select(line => line.Content).Where(content => content.Contains("FAIL ", StringComparison.Ordinal)));
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The demo ended; its lines are in.
        }

        return failed;
    }
}
