using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;

namespace Pilot.Filing.Application;

/// <summary>
/// Identifies what a request asked for, so a request id reused for a different request is refused
/// instead of silently answered with the first request's reply.
/// </summary>
internal static class RequestFingerprint
{
    public static string Of(string method, IMessage request)
    {
        var methodLength = Encoding.UTF8.GetByteCount(method);
        var length = methodLength + request.CalculateSize();
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Encoding.UTF8.GetBytes(method, buffer);
            request.WriteTo(buffer.AsSpan(methodLength, length - methodLength));
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
