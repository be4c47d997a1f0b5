using System.Security.Cryptography;
using System.Text;

namespace Pilot.Notification.Domain.Webhooks;

/// <summary>
/// The Standard Webhooks signature: HMAC-SHA256, keyed with the secret's bytes, over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>, sent as <c>v1,</c> and its base64 in <c>webhook-signature</c>
/// (several, space-separated, while a rotated secret overlaps the new one).
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static byte[] KeyOf(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
    }

    public static string Sign(string secret, string webhookId, long unixSeconds, string body)
    {
        var content = Encoding.UTF8.GetBytes($"{webhookId}.{unixSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret), content));
    }

    /// <summary>The header value: one signature per secret still valid.</summary>
    public static string Header(IEnumerable<string> secrets, string webhookId, long unixSeconds, string body) =>
        string.Join(' ', secrets.Select(secret => Sign(secret, webhookId, unixSeconds, body)));
}
