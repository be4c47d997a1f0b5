using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf;

namespace Pilot.Bench.Grpc;

/// <summary>
/// Replays one prebuilt gRPC request with h2load (nghttp2-client), a load generator outside .NET, so the
/// capacity figure is not limited by the in-process client sharing the two cores' scheduler with the server.
/// Only for reads: a replayed command would be an idempotent replay, not new work.
/// </summary>
public static partial class H2Load
{
    public const string Path = "/usr/bin/h2load";

    public sealed record Result(string Name, int Succeeded, int Failed, double PerSecond, string MeanLatency);

    public static bool Available => File.Exists(Path);

    /// <summary>The gRPC length-prefixed frame: no compression flag, big-endian length, then the message.</summary>
    public static string WriteBody(string folder, string name, IMessage request)
    {
        var message = request.ToByteArray();
        var body = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(1, 4), (uint)message.Length);
        message.CopyTo(body, 5);
        var file = System.IO.Path.Combine(folder, name + ".bin");
        File.WriteAllBytes(file, body);
        return file;
    }

    public static async Task<Result> RunAsync(string name, Uri server, string method, string bodyFile, string token, int requests, int clients, int streams)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "-n", requests.ToString(CultureInfo.InvariantCulture),
            "-c", clients.ToString(CultureInfo.InvariantCulture),
            "-m", streams.ToString(CultureInfo.InvariantCulture),
            "--header=content-type: application/grpc",
            "--header=te: trailers",
            "--header=authorization: Bearer " + token,
            "-d", bodyFile,
            new Uri(server, method).ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("h2load did not start");
        var output = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);

        // HTTP-level success only: gRPC refusals still come as HTTP 200, which is why Program checks each body with a .NET call first.
        var rate = RateLine().Match(output);
        var counts = RequestsLine().Match(output);
        var latency = LatencyLine().Match(output);
        if (!rate.Success || !counts.Success)
        {
            throw new InvalidOperationException("unexpected h2load output:\n" + output);
        }

        return new Result(
            name,
            int.Parse(counts.Groups["ok"].Value, CultureInfo.InvariantCulture),
            int.Parse(counts.Groups["failed"].Value, CultureInfo.InvariantCulture) + int.Parse(counts.Groups["errored"].Value, CultureInfo.InvariantCulture),
            double.Parse(rate.Groups["rate"].Value, CultureInfo.InvariantCulture),
            latency.Success ? latency.Groups["mean"].Value : "?");
    }

    [GeneratedRegex(@"finished in [^,]+, (?<rate>[\d.]+) req/s")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"requests: \d+ total, \d+ started, \d+ done, (?<ok>\d+) succeeded, (?<failed>\d+) failed, (?<errored>\d+) errored")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"time for request:\s+\S+\s+\S+\s+(?<mean>\S+)")]
    private static partial Regex LatencyLine();
}
