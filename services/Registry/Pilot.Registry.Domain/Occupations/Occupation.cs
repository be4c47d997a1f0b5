namespace Pilot.Registry.Domain.Occupations;

/// <summary>One occupation (职业) of the 2022 classification with its kind in the qualification catalogue.</summary>
/// <param name="Code">Classification code, e.g. 6-18-02-04.</param>
/// <param name="Name">Name, e.g. 焊工.</param>
/// <param name="MinorClass">Name of its minor class (小类), shown to help pick the right code.</param>
/// <param name="Kind">Qualification kind; decides R2.</param>
/// <param name="KindSource">Why the kind is what it is (a key explained in Data/SOURCES.md), or null for the default.</param>
/// <param name="SubTypes">Known sub-types (工种); empty when none are known, not when there are none.</param>
public sealed record Occupation(
    string Code,
    string Name,
    string MinorClass,
    QualificationKind Kind,
    string? KindSource,
    IReadOnlyList<string> SubTypes)
{
    public bool IsInPilotScope => Kind == QualificationKind.LevelEvaluation;

    public string Display => $"{Code} {Name}";
}
