namespace Pilot.Registry.Domain.Occupations;

/// <summary>The kind (资格类别) an occupation has in the national qualification catalogue.</summary>
public enum QualificationKind
{
    /// <summary>Not a skilled-worker qualification of the catalogue at all; out of the pilot (R2).</summary>
    NotInCatalogue,

    /// <summary>水平评价类: the only kind the pilot takes over (R2).</summary>
    LevelEvaluation,

    /// <summary>准入类: stays a licensing qualification; out of the pilot (R2).</summary>
    Licensing,

    /// <summary>拟转入准入类: explicitly excluded by the notice (二.2).</summary>
    AboutToBecomeLicensing,
}
