using System.Net;
using System.Net.Sockets;

namespace Pilot.Testing;

/// <summary>
/// Free loopback ports for the servers tests start. Taken below the kernel's ephemeral range (32768–60999 on Linux):
/// a port asked of the kernel with bind(0) comes from that range, and between picking it and the server binding it any
/// outgoing connection of a test running beside may be given the same number as its local port — the AppHost's
/// services, which bind seconds after their ports are picked, failed that way with "address already in use". Ports
/// bound at once and ports bound much later come from separate ranges, so neither kind can take the other's.
/// </summary>
public static class LoopbackPorts
{
    /// <summary>A port for a server started right away (a test's redis-server).</summary>
    public static int ForImmediateUse() => Free(20000, 26000);

    /// <summary>A port named in configuration now and bound seconds later (the AppHost's services).</summary>
    public static int ForLaterUse() => Free(26000, 32000);

    private static int Free(int first, int end)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(first, end);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        throw new InvalidOperationException($"no free loopback port between {first} and {end} after 200 tries");
    }
}
