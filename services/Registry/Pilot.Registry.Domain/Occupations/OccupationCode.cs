using System.Text.RegularExpressions;

namespace Pilot.Registry.Domain.Occupations;

/// <summary>The shape of a classification code: major-middle-minor-detail, e.g. 6-18-02-04.</summary>
public static partial class OccupationCode
{
    public static bool IsWellFormed(string? code) => code is not null && Shape().IsMatch(code);

    [GeneratedRegex(@"^[1-8]-\d{2}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
