using CsCheck;
using Pilot.ServiceDefaults.Security;
using Pilot.SharedKernel;

namespace Pilot.Testing.Services.Hostile;

/// <summary>Bearer tokens a hostile caller sends: none, every role, wrong role, wrong region, expired, forged, malformed.</summary>
public static class HostileTokens
{
    public static Gen<(string? Authorization, string Name)> From(LocalTokenIssuer issuer)
    {
        var forged = new LocalTokenIssuer(Convert.FromBase64String(LocalTokenIssuer.NewSigningKey()));
        (string? Authorization, string Name)[] tokens =
        [
            (null, "none"),
            (Bearer(issuer.Issue(Roles.NationalCentre, subject: "hostile-centre")), "national-centre"),
            (Bearer(issuer.Issue(Roles.Department, org: "hostile-dept")), "department"),
            (Bearer(issuer.Issue(Roles.IndustryOrg, org: "hostile-industry")), "industry-org"),
            (Bearer(issuer.Issue(Roles.EvaluationOrg, org: "hostile-org")), "evaluation-org"),
            (Bearer(issuer.Issue(Roles.ProvincialHr, region: "110000")), "provincial-hr 110000"),
            (Bearer(issuer.Issue(Roles.Platform, subject: "hostile-platform")), "platform"),
            (Bearer(issuer.Issue(Roles.ProvincialHr, region: "110100")), "provincial-hr of a city"),
            (Bearer(issuer.Issue(Roles.ProvincialHr, region: "*")), "provincial-hr region *"),
            (Bearer(issuer.Issue(Roles.ProvincialHr)), "provincial-hr without region"),
            (Bearer(issuer.Issue("admin")), "unknown role"),
            (Bearer(issuer.Issue(Roles.Department, org: new string('x', 5000))), "department with a 5,000-character org"),
            (Bearer(issuer.Issue(Roles.NationalCentre, lifetime: TimeSpan.FromHours(-2))), "expired"),
            (Bearer(forged.Issue(Roles.NationalCentre)), "signed with another key"),
            ("Bearer not-a-jwt", "malformed"),
            ("Basic dXNlcjpwYXNz", "not bearer"),
            ("Bearer " + new string('a', 6000), "6,000 characters of garbage"),
        ];
        return Gen.OneOf(tokens);
    }

    private static string Bearer(string token) => "Bearer " + token;
}
