namespace Pilot.SharedKernel;

/// <summary>
/// Who is asking, as read from the verified token: one role, the region of a provincial HR bureau,
/// and the organisation id of a department, industry or evaluation organisation.
/// Domain classes decide authorisation on this, so the rules can be tested without a token.
/// </summary>
public sealed record Caller(string Subject, string Role, string? Region = null, string? Org = null, string? System = null)
{
    public static readonly Caller Anonymous = new("anonymous", "public");

    public bool IsNationalCentre => Role == Roles.NationalCentre;

    public bool Is(string role) => Role == role;

    /// <summary>True when the caller is the organisation <paramref name="orgId"/> itself.</summary>
    public bool IsOrganisation(string orgId) => Org is not null && string.Equals(Org, orgId, StringComparison.Ordinal);

    /// <summary>True when the caller is the provincial HR bureau of <paramref name="regionCode"/>.</summary>
    public bool IsBureauOf(string regionCode) =>
        Role == Roles.ProvincialHr && string.Equals(Region, regionCode, StringComparison.Ordinal);
}
