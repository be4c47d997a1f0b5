using System.Security.Claims;
using Pilot.SharedKernel;

namespace Pilot.ServiceDefaults.Security;

/// <summary>
/// The one check of a validated token's claims, the same in every service: a signature proves who issued a token, not
/// that its claims make sense. A provincial-hr token must name a province-level region (one of the 31 codes), an
/// <c>org</c> must be a record id, and <c>sub</c> and <c>system</c> must be short printable text, since all of them
/// become storage keys and audit records.
/// </summary>
public static class TokenClaims
{
    public const int MaxSubjectLength = FieldLimits.RequestIdLength;
    public const int MaxSystemLength = FieldLimits.NameLength;

    /// <summary>What is wrong with the claims, or null.</summary>
    public static string? Problem(ClaimsPrincipal user)
    {
        var role = user.FindFirst(PilotClaims.Role)?.Value;
        var region = user.FindFirst(PilotClaims.Region)?.Value;
        if (role == Roles.ProvincialHr && region is null)
        {
            return "a provincial-hr token must name its province-level region (claim 'region', e.g. 110000)";
        }

        if (region is not null && !IsProvinceCode(region))
        {
            return $"claim 'region' must be one of the 31 province-level region codes (e.g. 110000), not '{Shortened.To(region, 16)}'";
        }

        if (user.FindFirst(PilotClaims.Org)?.Value is { } org && !RecordIds.IsWellFormed(org))
        {
            return $"claim 'org' must be a record id: {RecordIds.ShapeDescription}";
        }

        return TextProblem(user, PilotClaims.Subject, MaxSubjectLength) ?? TextProblem(user, PilotClaims.System, MaxSystemLength);
    }

    private static bool IsProvinceCode(string region) =>
        ProvinceRegion.TryFind(region, out var found) && string.Equals(found.Code, region, StringComparison.Ordinal);

    private static string? TextProblem(ClaimsPrincipal user, string claim, int maxLength)
    {
        var value = user.FindFirst(claim)?.Value;
        return value is not null && (value.Length is 0 || value.Length > maxLength || value.Any(char.IsControl))
            ? $"claim '{claim}' must be 1–{maxLength} printable characters"
            : null;
    }
}

/// <summary>A token whose signature verified but whose claims do not make sense (<see cref="TokenClaims"/>).</summary>
public sealed class TokenClaimsInvalidException(string message) : Exception(message)
{
    public TokenClaimsInvalidException()
        : this("the token's claims are not valid")
    {
    }

    public TokenClaimsInvalidException(string message, Exception innerException)
        : this(message + ": " + innerException.Message)
    {
    }
}
