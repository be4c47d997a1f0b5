using Pilot.Registry.Domain.Model;

namespace Pilot.Registry.Domain.Commands;

/// <summary>
/// Registers an evaluation organisation that a department may recommend. The R1 facts travel beside
/// the organisation in the request, so their paths are <c>eligibility.is_government_body</c> etc.
/// </summary>
public sealed record RegisterOrganisation(string RequestId, OrganisationDraft Organisation, EligibilityFacts Eligibility);
