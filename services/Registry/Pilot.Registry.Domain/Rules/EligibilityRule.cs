using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.State;
using Pilot.Registry.Domain.Validation;
using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Rules;

/// <summary>
/// R1 (二.1): in principle, no government body or unit belonging to one, no association not yet
/// decoupled from its supervising authority, and no non-professional industry association may be a
/// recommended organisation or a branch. "In principle" lets the national centre's recorded
/// exception admit one anyway.
/// </summary>
public static class EligibilityRule
{
    /// <summary>
    /// Checks the facts are complete (an association must say whether it is decoupled and professional)
    /// and drops the association answers of a non-association, which mean nothing there.
    /// </summary>
    internal static EligibilityFacts Normalise(EligibilityFacts? facts, string prefix, Violations violations)
    {
        if (facts is null)
        {
            violations.Add(prefix, "the R1 facts (is_government_body, belongs_to_government_body, is_association) are required");
            return new EligibilityFacts(false, false, false);
        }

        if (!facts.IsAssociation)
        {
            return facts with { IsDecoupledFromSupervisor = null, IsProfessionalAssociation = null };
        }

        if (facts.IsDecoupledFromSupervisor is null)
        {
            violations.Add(prefix + ".is_decoupled_from_supervisor", "an association must say whether it is decoupled from its supervising authority");
        }

        if (facts.IsProfessionalAssociation is null)
        {
            violations.Add(prefix + ".is_professional_association", "an association must say whether it is a professional industry association");
        }

        return facts;
    }

    /// <summary>Why the facts make a party ineligible; empty when they do not.</summary>
    public static IReadOnlyList<FieldViolation> Reasons(EligibilityFacts facts, string prefix)
    {
        var reasons = new List<FieldViolation>();
        if (facts.IsGovernmentBody)
        {
            reasons.Add(new(prefix + ".is_government_body", "a government department may not take part"));
        }

        if (facts.BelongsToGovernmentBody)
        {
            reasons.Add(new(prefix + ".belongs_to_government_body", "a unit belonging to a government department may not take part"));
        }

        if (facts.IsAssociation && facts.IsDecoupledFromSupervisor == false)
        {
            reasons.Add(new(prefix + ".is_decoupled_from_supervisor", "an association not yet decoupled from its supervising authority may not take part"));
        }

        if (facts.IsAssociation && facts.IsProfessionalAssociation == false)
        {
            reasons.Add(new(prefix + ".is_professional_association", "a non-professional industry association may not take part"));
        }

        return reasons;
    }

    /// <summary>
    /// Refuses an ineligible party unless an exception of the same party kind is recorded for its
    /// credit code; returns that exception when it is what admitted the party.
    /// </summary>
    public static ExceptionRecord? Enforce(
        EligibilityFacts facts,
        string prefix,
        UnifiedSocialCreditCode creditCode,
        PartyKind party,
        IRegistryReadModel model)
    {
        var reasons = Reasons(facts, prefix);
        if (reasons.Count == 0)
        {
            return null;
        }

        var exception = model.FindException(creditCode);
        if (exception is not null && exception.Party == party)
        {
            return exception;
        }

        var message = $"{RuleIds.Eligibility}: {string.Join("; ", reasons.Select(r => r.Description))}"
            + " (二.1), and the national centre has recorded no exception for " + creditCode;
        throw new DomainException(ErrorKind.Invalid, RuleIds.Eligibility, message, reasons);
    }
}
