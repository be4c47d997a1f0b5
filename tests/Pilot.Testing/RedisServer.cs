using System.Diagnostics;
using StackExchange.Redis;

namespace Pilot.Testing;

/// <summary>
/// A throw-away <c>redis-server</c> process on a free loopback port with its own temp directory.
/// Usable outside xunit (the benchmark uses it); tests normally go through <see cref="RedisServerFixture"/>.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string Executable = "redis-server";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly string _dataDirectory;
    private Process? _process;

    private RedisServer(int port, string dataDirectory)
    {
        Port = port;
        _dataDirectory = dataDirectory;
    }

    public int Port { get; }

    /// <summary><c>host:port</c>, as Aspire's connection strings look.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The server process's processor time so far (benchmarks report Redis's share of each call).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process?.Refresh();
            return _process?.TotalProcessorTime ?? TimeSpan.Zero;
        }
    }

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(LoopbackPorts.ForImmediateUse(), Directory.CreateTempSubdirectory("pilot-redis-").FullName);
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts the server again on the same port and directory, e.g. after <see cref="Kill"/>.</summary>
    public async Task RestartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var executable = FindOnPath(Executable) ?? throw new InvalidOperationException(
            $"'{Executable}' was not found on PATH; tests and benchmarks need a real Redis. Install it: apt-get install -y redis-server");

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--dir", _dataDirectory, "--save", "", "--appendonly", "no", "--protected-mode", "no",
        })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForPingAsync();
    }

    /// <summary>Kills the process at once, as a crash would.</summary>
    public void Kill()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing the test run over it is not worth it.
        }

        return ValueTask.CompletedTask;
    }

    private async Task WaitForPingAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process is { HasExited: true } exited)
            {
                throw new InvalidOperationException($"redis-server exited with code {exited.ExitCode} before answering PING (port {Port}).");
            }

            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"{ConnectionString},connectTimeout=500,abortConnect=true");
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (deadline.Elapsed < StartTimeout)
            {
                await Task.Delay(50);
            }
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
