using Pilot.SharedKernel;

namespace Pilot.Notification.Domain.Webhooks;

/// <summary>A party's webhook: where it receives messages, and the secrets that sign them.</summary>
public sealed record WebhookRegistration(
    string Recipient,
    string Url,
    string Secret,
    string? PreviousSecret,
    DateTimeOffset? PreviousSecretValidUntil,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? RotatedAt)
{
    public const int MaxUrlLength = 2048;

    /// <summary>A new registration (or a replacement: a new URL gets a new secret and drops the old ones).</summary>
    public static WebhookRegistration Register(string recipient, string url, bool allowPlainHttp, string secret, DateTimeOffset now) =>
        new(recipient, CheckedUrl(url, allowPlainHttp), secret, null, null, now, null);

    /// <summary>A new secret; the previous one keeps signing alongside it until <paramref name="overlap"/> has passed, so receivers can switch.</summary>
    public WebhookRegistration Rotate(string newSecret, DateTimeOffset now, TimeSpan overlap) =>
        this with { Secret = newSecret, PreviousSecret = Secret, PreviousSecretValidUntil = now + overlap, RotatedAt = now };

    /// <summary>The secrets that sign a message sent at <paramref name="now"/>: the current one, and the previous while it overlaps.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is { } previous && PreviousSecretValidUntil > now ? [Secret, previous] : [Secret];

    /// <summary>
    /// An absolute https URL (http only where configuration allows it, for local runs) with a host and no user
    /// information. Where the host resolves is checked when connecting, every time (see the sender).
    /// </summary>
    public static string CheckedUrl(string url, bool allowPlainHttp)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength)
        {
            throw DomainException.Invalid("url", $"url is required, at most {MaxUrlLength} characters");
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw DomainException.Invalid("url", "url must be an absolute URL such as https://example.org/pilot/webhook");
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(allowPlainHttp && uri.Scheme == Uri.UriSchemeHttp))
        {
            throw DomainException.Invalid("url", allowPlainHttp ? "url must be https:// or http://" : "url must be https://");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw DomainException.Invalid("url", "url must carry no user name, password or fragment");
        }

        return uri.AbsoluteUri;
    }
}
