using Pilot.SharedKernel;

namespace Pilot.Notification.Domain.Parties;

/// <summary>
/// Someone who receives messages: an organisation (department, industry or evaluation organisation, by its id), a
/// provincial bureau (by its region code) or the national centre. <see cref="Key"/> names its inbox.
/// </summary>
public sealed record Party(PartyKind Kind, string Id)
{
    public static Party NationalCentre { get; } = new(PartyKind.NationalCentre, "national-centre");

    public static Party Organisation(string organisationId) => new(PartyKind.Organisation, Required(organisationId, nameof(organisationId)));

    public static Party BureauOf(string regionCode) => new(PartyKind.Bureau, Required(regionCode, nameof(regionCode)));

    /// <summary>The inbox key: <c>org:&lt;id&gt;</c>, <c>bureau:&lt;region&gt;</c> or <c>centre</c>.</summary>
    public string Key => Kind switch
    {
        PartyKind.Organisation => $"org:{Id}",
        PartyKind.Bureau => $"bureau:{Id}",
        _ => "centre",
    };

    public override string ToString() => Key;

    public static Party Parse(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return key switch
        {
            "centre" => NationalCentre,
            _ when key.StartsWith("org:", StringComparison.Ordinal) => Organisation(key[4..]),
            _ when key.StartsWith("bureau:", StringComparison.Ordinal) => BureauOf(key[7..]),
            _ => throw new FormatException($"'{key}' names no party"),
        };
    }

    /// <summary>
    /// The party whose inbox a caller reads: its own, and only its own. A caller that is no party (the platform, the
    /// public, an organisation token without an organisation) has no inbox.
    /// </summary>
    public static Party Of(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Role switch
        {
            Roles.NationalCentre => NationalCentre,
            Roles.ProvincialHr when !string.IsNullOrEmpty(caller.Region) => BureauOf(caller.Region),
            Roles.Department or Roles.IndustryOrg or Roles.EvaluationOrg when !string.IsNullOrEmpty(caller.Org) => Organisation(caller.Org),
            _ => throw DomainException.Forbidden($"a caller with role '{caller.Role}' and no organisation or region of its own has no inbox"),
        };
    }

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} is required", name) : value;
}

public enum PartyKind
{
    Organisation,
    Bureau,
    NationalCentre,
}
