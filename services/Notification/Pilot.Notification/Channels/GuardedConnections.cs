using System.Net;
using System.Net.Sockets;
using Pilot.Notification.Domain.Webhooks;

namespace Pilot.Notification.Channels;

/// <summary>A webhook's host resolved only to addresses a webhook may not reach.</summary>
public sealed class AddressRefusedException(string host, IReadOnlyList<IPAddress> addresses)
    : Exception($"{host} resolves to {string.Join(", ", addresses)}: loopback, link-local or private addresses are refused")
{
    public string Host { get; } = host;
}

/// <summary>
/// The connect step of the webhook client: the host is resolved here and each address checked against
/// <see cref="AddressPolicy"/> right before connecting, so a name that resolved to a public address when the URL was
/// registered and to a private one now (DNS rebinding) is still refused, and a redirect cannot get round it either.
/// </summary>
public static class GuardedConnections
{
    public static SocketsHttpHandler Handler(bool allowPrivateNetworks, TimeSpan connectTimeout) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        ConnectTimeout = connectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, allowPrivateNetworks, cancellationToken),
    };

    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowPrivateNetworks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken).ConfigureAwait(false);
        var allowed = allowPrivateNetworks ? addresses : [.. addresses.Where(a => !AddressPolicy.IsForbidden(a))];
        if (allowed.Length == 0)
        {
            throw new AddressRefusedException(endPoint.Host, addresses);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
