using Pilot.SharedKernel;

namespace Pilot.Filing.Domain.Packages;

/// <summary>
/// Checks the branch list a package hands in (R5, R7): every entry a branch id of the Registry's shape, none twice,
/// and a list of a size a sponsor can have. An empty list is allowed: a department whose organisations have fixed
/// no branches yet names none, and none of them can file until a later version names them.
/// </summary>
public static class BranchListRules
{
    /// <summary>More branches than any sponsor of the pilot has; a longer list is a client's mistake, not a plan.</summary>
    public const int MaxBranches = 2000;

    public static IReadOnlyList<FieldViolation> Violations(IReadOnlyList<string> branchIds)
    {
        ArgumentNullException.ThrowIfNull(branchIds);
        if (branchIds.Count > MaxBranches)
        {
            return [new FieldViolation("branch_ids", $"{branchIds.Count} branches are named; a package names at most {MaxBranches}")];
        }

        var violations = new List<FieldViolation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < branchIds.Count; i++)
        {
            var id = branchIds[i];
            if (!RecordIds.IsWellFormed(id))
            {
                violations.Add(new FieldViolation($"branch_ids[{i}]", $"'{id}' is not a branch id: {RecordIds.ShapeDescription}"));
            }
            else if (!seen.Add(id))
            {
                violations.Add(new FieldViolation($"branch_ids[{i}]", $"branch {id} is named more than once"));
            }
        }

        return violations;
    }
}
