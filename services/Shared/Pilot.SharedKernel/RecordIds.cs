using System.Text.RegularExpressions;

namespace Pilot.SharedKernel;

/// <summary>
/// The shape of record ids (organisations, branches, departments): chosen by callers, so checked to be safe as a
/// storage key and a CloudEvents subject. One definition, so a service naming another service's records refuses
/// exactly the ids that service could never have issued.
/// </summary>
public static partial class RecordIds
{
    public const int MaxLength = 64;

    public const string ShapeDescription = "1–64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    public static bool IsWellFormed(string? id) => id is not null && Shape().IsMatch(id);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
