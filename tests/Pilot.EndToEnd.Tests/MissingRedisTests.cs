using System.Diagnostics;

namespace Pilot.EndToEnd.Tests;

[Collection(PilotAppFixture.Collection)]
public sealed class MissingRedisTests
{
    [Fact]
    public async Task Without_redis_server_on_PATH_the_AppHost_stops_at_once_saying_what_to_install()
    {
        var appHost = Path.Combine(AppContext.BaseDirectory, "Pilot.AppHost.dll");
        var start = new ProcessStartInfo(DotnetMuxer(), [appHost])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["PATH"] = "/nonexistent";
        start.Environment["Pilot__StateDirectory"] = Path.Combine(Path.GetTempPath(), "pilot-noredis-" + Guid.NewGuid().ToString("N"));
        start.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var error = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("apt-get install -y redis-server", line, StringComparison.Ordinal);
    }

    // The test runs as its own executable, so the dotnet host is found from the runtime's folder.
    private static string DotnetMuxer()
    {
        var runtime = new DirectoryInfo(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory());
        var root = runtime.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
    }
}
