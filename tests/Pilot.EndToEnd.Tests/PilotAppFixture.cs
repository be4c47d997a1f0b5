using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pilot.Testing;

[assembly: AssemblyFixture(typeof(Pilot.EndToEnd.Tests.PilotAppFixture))]

namespace Pilot.EndToEnd.Tests;

/// <summary>
/// The whole AppHost, started once per test run: a throw-away state folder and free ports, so a
/// developer's own running Pilot is not disturbed.
/// </summary>
public sealed class PilotAppFixture : IAsyncLifetime
{
    /// <summary>One shared app: a test that restarts Redis must not overlap one that needs it.</summary>
    public const string Collection = "whole app, one test at a time";

    public static readonly string[] Services = ["registry", "filing", "publication", "notification"];

    private readonly string stateDirectory = Path.Combine(Path.GetTempPath(), "pilot-e2e-" + Guid.NewGuid().ToString("N"));

    public DistributedApplication App { get; private set; } = null!;

    public string SigningKeyFile => Path.Combine(stateDirectory, "signing-key");

    public async ValueTask InitializeAsync()
    {
        // A local run, as `./pilot up` starts it: Development (reflection on, short publicity windows).
        // Publicity windows of one minute: the demo reaches the published directory about a minute after its acceptances.
        var args = new List<string> { $"--Pilot:StateDirectory={stateDirectory}", "--environment=Development", "--Pilot:Publication:WindowMinutes=1" };
        foreach (var service in Services)
        {
            args.Add($"--Pilot:Ports:{service}:grpc={LoopbackPorts.ForLaterUse()}");
            args.Add($"--Pilot:Ports:{service}:http={LoopbackPorts.ForLaterUse()}");
        }

        args.Add($"--Pilot:Ports:infoplatform:http={LoopbackPorts.ForLaterUse()}");
        // The development mail server and the demo's webhook receiver, on ports of this run's own.
        foreach (var port in new[] { "smtp4dev:http", "smtp4dev:smtp", "smtp4dev:imap", "smtp4dev:pop3", "demo-webhooks:http" })
        {
            args.Add($"--Pilot:Ports:{port}={LoopbackPorts.ForLaterUse()}");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Pilot_AppHost>(
            [.. args],
            (options, _) => options.DisableDashboard = true,
            timeout.Token);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
        foreach (var service in Services)
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(service, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        try
        {
            Directory.Delete(stateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // redis-server may still be flushing its append-only file; the folder is in /tmp.
        }
    }

    public Uri GrpcEndpoint(string service) => App.GetEndpoint(service, "grpc");
}
