namespace Pilot.Filing.Domain.Materials;

/// <summary>Who hands in a material package; the attachment of the notice fixes a different list for each.</summary>
public enum SubmitterKind
{
    /// <summary>政府有关部门, through its HR office.</summary>
    Department,

    /// <summary>行业组织, acting as its own evaluation organisation.</summary>
    IndustryOrganisation,
}
