namespace Pilot.SharedKernel;

/// <summary>The parties of the notice, as they appear in the <c>role</c> claim of a token.</summary>
public static class Roles
{
    public const string NationalCentre = "national-centre";
    public const string Department = "department";
    public const string IndustryOrg = "industry-org";
    public const string EvaluationOrg = "evaluation-org";
    public const string ProvincialHr = "provincial-hr";
    public const string Platform = "platform";

    public static readonly IReadOnlyList<string> All =
        [NationalCentre, Department, IndustryOrg, EvaluationOrg, ProvincialHr, Platform];
}
