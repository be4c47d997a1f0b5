namespace Pilot.Publication.Domain.Publicity;

/// <summary>An occupation as the public reads it: code, name, 工种 and levels, as far as the Registry's facts give them.</summary>
public sealed record ListedOccupation(string Code, string? Name, string? SubType, IReadOnlyList<int> Levels);
