namespace Pilot.Registry.Domain.Model;

/// <summary>A government department (政府有关部门) that used to run level-evaluation qualifications.</summary>
/// <param name="FormerOccupations">Its former occupations (原有职业（工种）), which its two recommended organisations must cover (R3).</param>
public sealed record Department(string Id, string Name, IReadOnlyList<OccupationRef> FormerOccupations);
