using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.Occupations;
using Pilot.Registry.Domain.Validation;
using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Rules;

/// <summary>R3 (三.1): a department recommends exactly two organisations that together cover all its former occupations.</summary>
public static class RecommendationRule
{
    public const int OrganisationsPerDepartment = 2;

    /// <summary>Refuses any number of distinct organisations other than two; duplicates count once.</summary>
    public static void EnforceCount(IReadOnlyList<string> organisationIds)
    {
        var distinct = organisationIds.Distinct(StringComparer.Ordinal).Count();
        if (distinct == OrganisationsPerDepartment && organisationIds.Count == OrganisationsPerDepartment)
        {
            return;
        }

        var description = distinct == organisationIds.Count
            ? $"a department recommends exactly {OrganisationsPerDepartment} organisations, this names {organisationIds.Count}"
            : $"a department recommends exactly {OrganisationsPerDepartment} different organisations, this names {distinct} different ones in {organisationIds.Count} entries";
        throw DomainException.Invalid("organisation_ids", description, RuleIds.TwoPerDepartment);
    }

    /// <summary>
    /// Departments recommend evaluation organisations (三.1); industry organisations take part on their own and
    /// are not the recommendation of any department, so naming one is refused at its place in the list.
    /// </summary>
    public static void EnforceEvaluationOrganisations(IReadOnlyList<EvaluationOrganisation> organisations)
    {
        var industry = organisations
            .Select((organisation, i) => (organisation, i))
            .Where(entry => entry.organisation.IsIndustryOrganisation)
            .Select(entry => new FieldViolation(
                $"organisation_ids[{entry.i}]",
                $"{entry.organisation.Name} ({entry.organisation.Id}) is an industry organisation: it takes part on its own, not on a department's recommendation"))
            .ToList();
        if (industry.Count > 0)
        {
            throw new DomainException(ErrorKind.Invalid, RuleIds.TwoPerDepartment, "a department recommends evaluation organisations, not industry organisations", industry);
        }
    }

    /// <summary>The former occupations that none of the organisations covers, in the department's order.</summary>
    public static IReadOnlyList<OccupationRef> Uncovered(Department department, IEnumerable<EvaluationOrganisation> organisations)
    {
        var covered = organisations.SelectMany(o => o.Occupations).Select(c => c.Occupation).ToList();
        return [.. department.FormerOccupations.Where(former => !covered.Any(c => c.Includes(former)))];
    }

    public static void EnforceCoverage(Department department, IReadOnlyList<EvaluationOrganisation> organisations, OccupationCatalogue catalogue)
    {
        var gaps = Uncovered(department, organisations);
        if (gaps.Count == 0)
        {
            return;
        }

        var described = gaps.Select(g => OccupationLists.Describe(g, catalogue)).ToList();
        var violations = described
            .Select(d => new FieldViolation("organisation_ids", $"neither organisation covers {d}"))
            .ToList();
        var message = $"{RuleIds.TwoPerDepartment}: {string.Join(" and ", organisations.Select(o => o.Name))} leave "
            + $"{gaps.Count} of {department.Name}'s former occupations uncovered: {string.Join("、", described)}";
        throw new CoverageGapException(message, violations, gaps);
    }
}
