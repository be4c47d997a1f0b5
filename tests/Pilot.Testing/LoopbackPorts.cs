using System.Net;
using System.Net.Sockets;

namespace Pilot.Testing;

/// <summary>
/// Free loopback ports for the servers tests start. Taken below the kernel's ephemeral range (32768–60999 on Linux):
/// a port asked of the kernel with bind(0) comes from that range, and between picking it and the server binding it any
/// outgoing connection of a test running beside may be given the same number as its local port — the AppHost's
/// services, which bind seconds after their ports are picked, failed that way with "address already in use".
/// </summary>
public static class LoopbackPorts
{
    private const int First = 20000;
    private const int End = 32000;

    public static int Free()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(First, End);
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

        throw new InvalidOperationException($"no free loopback port between {First} and {End} after 200 tries");
    }
}
