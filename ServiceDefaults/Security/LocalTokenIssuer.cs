using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Pilot.ServiceDefaults.Security;

/// <summary>
/// Mints tokens signed with the local key, for trying the system (Pilot.Cli), for the demo and for
/// tests. Production tokens come from the OIDC authority instead.
/// </summary>
public sealed class LocalTokenIssuer(byte[] signingKey, string issuer = LocalTokenIssuer.DefaultIssuer, string audience = "pilot")
{
    public const string DefaultIssuer = "pilot-local";

    public string Issue(string role, string? region = null, string? org = null, string? subject = null, string? system = null, TimeSpan? lifetime = null)
    {
        var claims = new List<Claim>
        {
            new(PilotClaims.Subject, subject ?? org ?? (region is null ? role : $"{role}:{region}")),
            new(PilotClaims.Role, role),
        };
        if (region is not null)
        {
            claims.Add(new Claim(PilotClaims.Region, region));
        }

        if (org is not null)
        {
            claims.Add(new Claim(PilotClaims.Org, org));
        }

        if (system is not null)
        {
            claims.Add(new Claim(PilotClaims.System, system));
        }

        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromHours(8));
        // A token asked for with a lifetime already over is one that was valid until then, not one that ends before it begins.
        var issuedAt = expires <= now ? expires - TimeSpan.FromHours(1) : now;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A fresh random key, base64, as the AppHost writes it into its state folder.</summary>
    public static string NewSigningKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
