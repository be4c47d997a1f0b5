using Pilot.Registry.Domain.Occupations;
using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Rules;

/// <summary>
/// R2 (二.2): only level-evaluation occupations of the qualification catalogue are in the pilot;
/// licensing ones, those about to become licensing, and occupations outside the catalogue are not.
/// </summary>
public static class OccupationScopeRule
{
    /// <summary>Refuses the list if any code (already known to exist) is out of scope; every offender gets its own violation.</summary>
    public static void Enforce(IReadOnlyList<string> codes, string field, OccupationCatalogue catalogue)
    {
        var violations = new List<FieldViolation>();
        for (var i = 0; i < codes.Count; i++)
        {
            var occupation = catalogue.Find(codes[i]);
            if (occupation is { IsInPilotScope: false })
            {
                violations.Add(new($"{field}[{i}].code", $"{occupation.Display} is {Describe(occupation.Kind)}, not a level-evaluation (水平评价类) occupation"));
            }
        }

        if (violations.Count > 0)
        {
            var message = $"{RuleIds.OccupationScope}: out of the pilot's scope (二.2): " + string.Join("; ", violations.Select(v => v.Description));
            throw new DomainException(ErrorKind.Invalid, RuleIds.OccupationScope, message, violations);
        }
    }

    private static string Describe(QualificationKind kind) => kind switch
    {
        QualificationKind.Licensing => "a licensing (准入类) qualification",
        QualificationKind.AboutToBecomeLicensing => "about to become licensing (拟转入准入类)",
        QualificationKind.NotInCatalogue => "not a skilled-worker qualification of the catalogue",
        _ => kind.ToString(),
    };
}
