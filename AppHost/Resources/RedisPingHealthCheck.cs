using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pilot.AppHost.Resources;

/// <summary>Sends a RESP <c>PING</c> and expects <c>+PONG</c>; the AppHost needs no Redis client for that.</summary>
internal sealed class RedisPingHealthCheck(Func<string?> connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var address = connectionString();
        if (address is null)
        {
            return HealthCheckResult.Unhealthy("redis-server has no allocated port yet");
        }

        var colon = address.LastIndexOf(':');
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(address[..colon], int.Parse(address[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            var answer = Encoding.ASCII.GetString(buffer, 0, read);
            return answer.StartsWith("+PONG", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"redis-server answered '{answer.Trim()}' (still loading its append-only file?)");
        }
        catch (SocketException error)
        {
            return HealthCheckResult.Unhealthy($"redis-server at {address} does not answer: {error.Message}");
        }
    }
}
