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
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(method));
        hash.AppendData(request.ToByteArray());
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
