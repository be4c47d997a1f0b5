namespace Pilot.Registry.Domain.Rules;

/// <summary>The rule names of DOMAIN.md that the registry enforces, as they appear in <c>DomainException.Rule</c>.</summary>
public static class RuleIds
{
    public const string Eligibility = "R1";
    public const string OccupationScope = "R2";
    public const string TwoPerDepartment = "R3";
    public const string IndustryKinds = "R4";
    public const string OrderOfSteps = "R5";
}
