namespace Pilot.Registry.Domain.Model;

/// <summary>The two kinds of industry organisation of 三.1 (R4).</summary>
public enum IndustryOrganisationKind
{
    /// <summary>综合类: acts nationally, with first-class member associations giving technical support.</summary>
    Comprehensive,

    /// <summary>专业性: acts nationally by itself.</summary>
    Professional,
}
