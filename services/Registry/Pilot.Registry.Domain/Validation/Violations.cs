using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Validation;

/// <summary>
/// Collects every plain input error of a request before refusing it, so a client can fix all of
/// them in one round instead of discovering them one at a time.
/// </summary>
internal sealed class Violations
{
    private readonly List<FieldViolation> found = [];

    public bool Any => found.Count > 0;

    public void Add(string field, string description) => found.Add(new FieldViolation(field, description));

    /// <summary>Throws one exception of the given kind and rule carrying every violation collected so far.</summary>
    public void ThrowIfAny(ErrorKind kind = ErrorKind.Invalid, string? rule = null)
    {
        if (found.Count == 0)
        {
            return;
        }

        var prefix = rule is null ? string.Empty : rule + ": ";
        var message = found.Count == 1
            ? prefix + found[0].Description
            : prefix + string.Join("; ", found.Select(v => $"{v.Field}: {v.Description}"));
        throw new DomainException(kind, rule, message, [.. found]);
    }
}
