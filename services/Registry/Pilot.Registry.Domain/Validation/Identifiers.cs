using System.Text.RegularExpressions;

namespace Pilot.Registry.Domain.Validation;

/// <summary>
/// Record ids are chosen by the layer above (the gRPC service or the caller's own org id), so
/// they are checked for a shape that is safe as a storage key and a CloudEvents subject.
/// </summary>
internal static partial class Identifiers
{
    public const int MaxLength = 64;

    public static bool IsWellFormed(string? id) => id is not null && Shape().IsMatch(id);

    public static void Check(string? id, string field, Violations violations)
    {
        if (!IsWellFormed(id))
        {
            violations.Add(field, $"'{id}' is not an id: 1–{MaxLength} letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
