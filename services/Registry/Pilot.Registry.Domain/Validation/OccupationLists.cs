using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.Occupations;
using Pilot.Registry.Domain.Rules;
using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Validation;

/// <summary>
/// Checks occupation lists in two passes: first plain input errors (shape, unknown code, levels,
/// duplicates), thrown together as Invalid; then R2 on the well-formed ones, thrown as its own error.
/// </summary>
internal static class OccupationLists
{
    public const int SubTypeMaxLength = FieldLimits.SubTypeLength;

    /// <summary>Checks what an organisation or branch evaluates; returns the list normalised (trimmed, levels sorted).</summary>
    public static IReadOnlyList<OccupationCoverage> CheckCoverage(
        IReadOnlyList<OccupationCoverage>? occupations,
        string field,
        OccupationCatalogue catalogue)
    {
        occupations ??= [];
        EnsureCountWithinLimit(occupations.Count, field);
        var violations = new Violations();
        if (occupations.Count == 0)
        {
            violations.Add(field, "at least one occupation is needed");
        }

        var normalised = new List<OccupationCoverage>(occupations.Count);
        for (var i = 0; i < occupations.Count; i++)
        {
            var path = $"{field}[{i}]";
            var occupation = CheckRef(new OccupationRef(occupations[i].Code, occupations[i].SubType), path, catalogue, violations);
            var levels = CheckLevels(occupations[i].Levels, path + ".levels", violations);
            normalised.Add(new OccupationCoverage(occupation.Code, occupation.SubType, levels));
        }

        CheckDuplicates(normalised.Select(o => o.Occupation).ToList(), field, violations);
        violations.ThrowIfAny();
        OccupationScopeRule.Enforce(normalised.Select(o => o.Code).ToList(), field, catalogue);
        return normalised;
    }

    /// <summary>Checks a department's former occupations (no levels).</summary>
    public static IReadOnlyList<OccupationRef> CheckRefs(IReadOnlyList<OccupationRef>? occupations, string field, OccupationCatalogue catalogue)
    {
        occupations ??= [];
        EnsureCountWithinLimit(occupations.Count, field);
        var violations = new Violations();
        if (occupations.Count == 0)
        {
            violations.Add(field, "at least one occupation is needed");
        }

        var normalised = occupations.Select((o, i) => CheckRef(o, $"{field}[{i}]", catalogue, violations)).ToList();
        CheckDuplicates(normalised, field, violations);
        violations.ThrowIfAny();
        OccupationScopeRule.Enforce(normalised.Select(o => o.Code).ToList(), field, catalogue);
        return normalised;
    }

    private static OccupationRef CheckRef(OccupationRef? occupation, string path, OccupationCatalogue catalogue, Violations violations)
    {
        var code = occupation?.Code?.Trim() ?? string.Empty;
        var subType = string.IsNullOrWhiteSpace(occupation?.SubType) ? null : occupation.SubType.Trim();
        if (!OccupationCode.IsWellFormed(code))
        {
            violations.Add(path + ".code", $"'{code}' is not an occupation code (expected e.g. 6-18-02-04)");
            return new OccupationRef(code, subType);
        }

        var known = catalogue.Find(code);
        if (known is null)
        {
            violations.Add(path + ".code", $"{code} is not an occupation of the 2022 classification");
            return new OccupationRef(code, subType);
        }

        if (subType is not null)
        {
            if (subType.Length > SubTypeMaxLength)
            {
                violations.Add(path + ".sub_type", $"must be at most {SubTypeMaxLength} characters");
            }
            else if (known.SubTypes.Count > 0 && !known.SubTypes.Contains(subType, StringComparer.Ordinal))
            {
                violations.Add(path + ".sub_type", $"'{subType}' is not a sub-type of {known.Display}; known: {string.Join("、", known.SubTypes)}");
            }
        }

        return new OccupationRef(code, subType);
    }

    private static IReadOnlyList<int> CheckLevels(IReadOnlyList<int>? levels, string path, Violations violations)
    {
        levels ??= [];
        if (levels.Count == 0)
        {
            violations.Add(path, "at least one skill level (1–5) is needed");
        }
        else if (levels.Count > OccupationCoverage.LowestLevel)
        {
            // Counted before any level is looked at: a million levels make one violation, not a million.
            violations.Add(path, $"at most {OccupationCoverage.LowestLevel} skill levels (1–5, each once), this has {levels.Count}");
            return [];
        }

        for (var i = 0; i < levels.Count; i++)
        {
            if (levels[i] is < OccupationCoverage.HighestLevel or > OccupationCoverage.LowestLevel)
            {
                violations.Add($"{path}[{i}]", $"skill level {levels[i]} does not exist; levels run from 1 (一级/高级技师) to 5 (五级/初级工)");
            }
        }

        return [.. levels.Distinct().Order()];
    }

    private static void CheckDuplicates(List<OccupationRef> occupations, string field, Violations violations)
    {
        // One pass with a dictionary of first positions, so the check stays linear in the list's length.
        var firstAt = new Dictionary<OccupationRef, int>(occupations.Count);
        for (var i = 0; i < occupations.Count; i++)
        {
            if (!firstAt.TryAdd(occupations[i], i))
            {
                violations.Add($"{field}[{i}]", $"{occupations[i]} is listed twice (also at {field}[{firstAt[occupations[i]]}])");
            }
        }
    }

    private static void EnsureCountWithinLimit(int count, string field)
    {
        if (count > FieldLimits.Occupations)
        {
            throw DomainException.Invalid(field, $"at most {FieldLimits.Occupations} occupations, this has {count}");
        }
    }

    internal static string Describe(OccupationRef occupation, OccupationCatalogue catalogue)
    {
        var name = catalogue.Find(occupation.Code)?.Name ?? "?";
        return occupation.SubType is null ? $"{occupation.Code} {name}" : $"{occupation.Code} {name}（{occupation.SubType}）";
    }
}
