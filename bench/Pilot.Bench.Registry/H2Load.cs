using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf;

namespace Pilot.Bench.Registry;

/// <summary>
/// Capacity from h2load (Debian's nghttp2-client), which drives gRPC over h2c with one prebuilt
/// request body; absent h2load, the run is skipped and says so.
/// </summary>
internal static partial class H2Load
{
    public static async Task<string> RunAsync(string name, Uri server, string path, IMessage request, string token, int requests)
    {
        if (!File.Exists("/usr/bin/h2load"))
        {
            return $"| {name} | h2load not installed (apt-get install -y nghttp2-client) | | |";
        }

        // A gRPC message on the wire: no compression flag, big-endian length, the message.
        var message = request.ToByteArray();
        var body = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(1), (uint)message.Length);
        message.CopyTo(body, 5);
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, body).ConfigureAwait(false);

        var start = new ProcessStartInfo("/usr/bin/h2load")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "-n", requests.ToString(CultureInfo.InvariantCulture), "-c", "4", "-m", "16",
                "-H", "content-type: application/grpc", "-H", "te: trailers", "-H", "authorization: Bearer " + token,
                "-d", file, new Uri(server, path).ToString(),
            },
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        File.Delete(file);

        var rate = Throughput().Match(output);
        var done = Succeeded().Match(output);
        return $"| {name} | {(rate.Success ? rate.Groups[1].Value : "?")} | {(done.Success ? done.Groups[1].Value : "?")} of {requests} | h2load -c 4 -m 16 |";
    }

    [GeneratedRegex(@"finished in [^,]+, ([0-9.]+) req/s")]
    private static partial Regex Throughput();

    [GeneratedRegex(@"requests: \d+ total, \d+ started, \d+ done, (\d+) succeeded")]
    private static partial Regex Succeeded();
}
