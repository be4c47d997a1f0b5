using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Pilot.EventBus.Dapr;

/// <summary>
/// Lets only daprd reach the routes it calls (<c>/dapr/subscribe</c> and the event routes). Those routes are exempt
/// from the services' JWT authentication — daprd carries no user token — so they demand Dapr's app API token instead:
/// the <c>dapr-api-token</c> header must equal the <c>APP_API_TOKEN</c> daprd was started with.
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
