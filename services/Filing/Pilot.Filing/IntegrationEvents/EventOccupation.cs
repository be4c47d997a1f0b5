namespace Pilot.Filing.IntegrationEvents;

/// <summary>An occupation a branch certifies: the 职业分类大典 code and the sub-type (工种), null when there is none.</summary>
public sealed record EventOccupation(string Code, string? SubType);
