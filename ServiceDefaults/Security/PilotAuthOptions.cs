namespace Pilot.ServiceDefaults.Security;

/// <summary>
/// Where tokens come from. Production names an OIDC <see cref="Authority"/>; local runs share a
/// symmetric <see cref="SigningKey"/> (or a file holding it) that the AppHost generates.
/// Bound from the configuration section <c>Pilot:Auth</c>.
/// </summary>
public sealed class PilotAuthOptions
{
    public const string SectionName = "Pilot:Auth";

    public string? Authority { get; set; }

    public string Audience { get; set; } = "pilot";

    public string Issuer { get; set; } = LocalTokenIssuer.DefaultIssuer;

    /// <summary>Base64 of at least 32 random bytes.</summary>
    public string? SigningKey { get; set; }

    /// <summary>A file whose content is <see cref="SigningKey"/>; read when SigningKey is empty.</summary>
    public string? SigningKeyFile { get; set; }

    public byte[]? ResolveSigningKey()
    {
        var text = SigningKey;
        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(SigningKeyFile) && File.Exists(SigningKeyFile))
        {
            text = File.ReadAllText(SigningKeyFile);
        }

        return string.IsNullOrWhiteSpace(text) ? null : Convert.FromBase64String(text.Trim());
    }
}
