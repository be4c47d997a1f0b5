namespace Pilot.Registry.IntegrationEvents;

/// <summary>An occupation as events carry it: code and name, so consumers need not hold the catalogue; levels 1–5, empty for a department's former occupations.</summary>
public sealed record EventOccupation(string Code, string Name, string? SubType, IReadOnlyList<int> Levels);

/// <summary>A person to reach at an organisation.</summary>
public sealed record EventContact(string Name, string Phone, string Email);

/// <summary>The facts rule R1 judged a party by.</summary>
public sealed record EventEligibility(
    bool IsGovernmentBody, bool BelongsToGovernmentBody, bool IsAssociation, bool? IsDecoupledFromSupervisor, bool? IsProfessionalAssociation);

/// <summary>One of the two organisations a department recommends (R3).</summary>
public sealed record EventRecommendedOrganisation(string OrganisationId, string Name, string CreditCode, IReadOnlyList<EventOccupation> Occupations);
