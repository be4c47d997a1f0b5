namespace Pilot.Registry.Domain.Model;

/// <summary>A first-class member association (一类行业协会) that gives a comprehensive industry organisation technical support.</summary>
public sealed record MemberAssociation(string Name);
