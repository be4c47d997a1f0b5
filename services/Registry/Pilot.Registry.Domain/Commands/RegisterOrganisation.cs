using Pilot.Registry.Domain.Model;

namespace Pilot.Registry.Domain.Commands;

/// <summary>
/// Registers an evaluation organisation that a department may recommend. The R1 facts travel flat
/// in the organisation message, so their paths are <c>organisation.is_government_body</c> etc.
/// </summary>
public sealed record RegisterOrganisation(string RequestId, OrganisationDraft Organisation, EligibilityFacts Eligibility);
