namespace Pilot.Registry.Domain.Events;

/// <summary>An occupation as events carry it: code and name, so consumers need not hold the catalogue.</summary>
/// <param name="Levels">Skill levels 1–5; empty for a department's former occupations, which have none.</param>
public sealed record OccupationItem(string Code, string Name, string? SubType, IReadOnlyList<int> Levels);
