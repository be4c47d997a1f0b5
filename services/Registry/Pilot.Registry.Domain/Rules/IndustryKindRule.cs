using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.Validation;
using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Rules;

/// <summary>
/// R4 (三.1): a comprehensive industry organisation acts with named first-class member associations
/// giving technical support; a professional one acts by itself. Member associations given for a
/// professional one are refused rather than ignored, because accepting them would suggest they count.
/// </summary>
public static class IndustryKindRule
{
    public const string Field = "member_associations";

    public static IndustryProfile Enforce(IndustryOrganisationKind kind, IReadOnlyList<MemberAssociation>? memberAssociations)
    {
        memberAssociations ??= [];
        if (!Enum.IsDefined(kind))
        {
            throw DomainException.Invalid("kind", $"{(int)kind} is not an industry organisation kind (Comprehensive or Professional)");
        }

        // The count first, so a list of a million names costs one comparison, not a million violations.
        if (memberAssociations.Count > FieldLimits.MemberAssociations)
        {
            throw DomainException.Invalid(Field, $"at most {FieldLimits.MemberAssociations} member associations, this has {memberAssociations.Count}");
        }

        var input = new Violations();
        var names = memberAssociations
            .Select((m, i) => Text.Required(m?.Name, $"{Field}[{i}].name", Text.NameMaxLength, input))
            .ToList();

        // One pass with a set: the check is linear in the list's length (it was quadratic: 100,000 names took 47 s).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Length > 0 && !seen.Add(names[i]))
            {
                input.Add($"{Field}[{i}].name", $"'{Shortened.To(names[i], 40)}' is listed twice");
            }
        }

        input.ThrowIfAny();

        if (kind == IndustryOrganisationKind.Comprehensive && names.Count == 0)
        {
            throw DomainException.Invalid(Field, "a comprehensive (综合类) industry organisation must name the first-class member associations (一类行业协会) that give it technical support", RuleIds.IndustryKinds);
        }

        if (kind == IndustryOrganisationKind.Professional && names.Count > 0)
        {
            throw DomainException.Invalid(Field, "a professional (专业性) industry organisation acts nationally by itself; member associations are not part of it", RuleIds.IndustryKinds);
        }

        return new IndustryProfile(kind, [.. names.Select(n => new MemberAssociation(n))]);
    }
}
