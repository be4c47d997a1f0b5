using System.Text.RegularExpressions;
using Pilot.SharedKernel;

namespace Pilot.Filing.Domain.Filings;

/// <summary>An occupation a branch will certify: the 职业分类大典 code (e.g. 6-18-02-04) and the sub-type (工种) if any.</summary>
public sealed partial record Occupation(string Code, string? SubType = null)
{
    public static bool IsValidCode(string? code) => code is not null && CodeShape().IsMatch(code);

    /// <summary>Refuses an empty list, malformed codes and duplicates, naming <c>occupations[i]</c>.</summary>
    public static void EnsureValidList(IReadOnlyList<Occupation>? occupations)
    {
        if (occupations is null || occupations.Count == 0)
        {
            throw DomainException.Invalid("occupations", "name at least one occupation the branch will certify");
        }

        var violations = new List<FieldViolation>();
        var seen = new HashSet<Occupation>();
        for (var i = 0; i < occupations.Count; i++)
        {
            var occupation = occupations[i];
            if (!IsValidCode(occupation.Code))
            {
                violations.Add(new FieldViolation($"occupations[{i}].code", $"'{occupation.Code}' is not an occupation code like 6-18-02-04"));
            }
            else if (!seen.Add(occupation))
            {
                violations.Add(new FieldViolation($"occupations[{i}]", $"{occupation.Code} is listed twice"));
            }
        }

        if (violations.Count > 0)
        {
            throw new DomainException(ErrorKind.Invalid, null, "some occupations are not valid", violations);
        }
    }

    [GeneratedRegex(@"^[1-8]-\d{2}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeShape();
}
