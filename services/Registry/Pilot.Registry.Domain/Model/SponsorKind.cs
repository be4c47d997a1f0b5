namespace Pilot.Registry.Domain.Model;

/// <summary>The two kinds of party that bring organisations into the pilot (三.1).</summary>
public enum SponsorKind
{
    /// <summary>政府有关部门: recommends two evaluation organisations.</summary>
    GovernmentDepartment,

    /// <summary>行业组织: is itself the evaluation organisation.</summary>
    IndustryOrganisation,
}
