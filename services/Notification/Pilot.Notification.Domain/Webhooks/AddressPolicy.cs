using System.Net;
using System.Net.Sockets;

namespace Pilot.Notification.Domain.Webhooks;

/// <summary>
/// Which addresses a webhook may never be delivered to: loopback, link-local, private, shared (carrier-grade NAT),
/// unspecified, multicast and the other special ranges, also when written as an IPv4-mapped IPv6 address. A receiver
/// on the internet has none of these; a URL that resolves to one would turn the sender against its own network.
/// </summary>
public static class AddressPolicy
{
    public static bool IsForbidden(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (bytes[0] & 0xfe) == 0xfc // fc00::/7 unique local
                || address.IsIPv6Teredo
                || (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8); // documentation
        }

        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 => true, // "this network"
            10 => true,
            100 => b[1] >= 64 && b[1] <= 127, // 100.64.0.0/10 shared
            127 => true,
            169 => b[1] == 254, // link-local, cloud metadata
            172 => b[1] >= 16 && b[1] <= 31,
            192 => (b[1] == 168) || (b[1] == 0 && b[2] == 0) || (b[1] == 0 && b[2] == 2),
            198 => b[1] == 18 || b[1] == 19 || (b[1] == 51 && b[2] == 100), // benchmarking, documentation
            203 => b[1] == 0 && b[2] == 113,
            >= 224 => true, // multicast and reserved
            _ => false,
        };
    }
}
