using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Validation;

/// <summary>Checks free text fields: present after trimming and not absurdly long.</summary>
internal static class Text
{
    public const int NameMaxLength = FieldLimits.NameLength;
    public const int AddressMaxLength = FieldLimits.AddressLength;
    public const int ReasonMaxLength = FieldLimits.ReasonLength;

    /// <summary>Returns the trimmed text, or records a violation and returns an empty string.</summary>
    public static string Required(string? value, string field, int maxLength, Violations violations)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            violations.Add(field, "must not be empty");
        }
        else if (trimmed.Length > maxLength)
        {
            violations.Add(field, $"must be at most {maxLength} characters, this has {trimmed.Length}");
        }

        return trimmed;
    }
}
