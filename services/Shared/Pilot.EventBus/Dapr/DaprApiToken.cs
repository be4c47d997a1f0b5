using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Pilot.EventBus.Dapr;

/// <summary>
/// Dapr's app API token: daprd sends the <c>APP_API_TOKEN</c> it was started with in the <c>dapr-api-token</c> header of
/// every call to the app (see <see cref="DaprdAuthentication"/>).
/// </summary>
internal static class DaprApiToken
{
    public const string EnvironmentVariable = "APP_API_TOKEN";

    public const string Header = "dapr-api-token";

    /// <summary>True when the request carries the configured token; never true without one configured.</summary>
    public static bool IsPresentedBy(HttpRequest request, string? expected)
    {
        if (string.IsNullOrEmpty(expected) || !request.Headers.TryGetValue(Header, out var presented) || presented.Count != 1)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented[0] ?? string.Empty), Encoding.UTF8.GetBytes(expected));
    }
}
