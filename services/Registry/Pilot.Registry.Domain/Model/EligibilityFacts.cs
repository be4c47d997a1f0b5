namespace Pilot.Registry.Domain.Model;

/// <summary>The facts that rule R1 (二.1) judges an organisation or branch by.</summary>
/// <param name="IsDecoupledFromSupervisor">For an association: has it been decoupled from its supervising authority (脱钩)? Null otherwise.</param>
/// <param name="IsProfessionalAssociation">For an association: is it a professional (专业) industry association? Null otherwise.</param>
public sealed record EligibilityFacts(
    bool IsGovernmentBody,
    bool BelongsToGovernmentBody,
    bool IsAssociation,
    bool? IsDecoupledFromSupervisor = null,
    bool? IsProfessionalAssociation = null);
