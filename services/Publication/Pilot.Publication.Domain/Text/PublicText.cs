using System.Text;
using Pilot.SharedKernel;

namespace Pilot.Publication.Domain.Text;

/// <summary>
/// Text that anyone may send (an objection needs no login): normalised to NFC before it is measured, compared or
/// stored, so the same words typed two ways are one text; control characters refused, line breaks only where the
/// field is prose; malformed UTF-16 (a lone surrogate) refused rather than stored as replacement characters.
/// </summary>
public static class PublicText
{
    /// <returns>The normalised text, or null when it was empty and <paramref name="min"/> allows that.</returns>
    public static string? Check(ICollection<FieldViolation> violations, string field, string? value, int min, int max, bool prose = false)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var text = (value ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            if (min > 0)
            {
                violations.Add(new FieldViolation(field, "is required"));
            }

            return null;
        }

        // Length first, on the raw input: an oversize value is refused without normalising or scanning all of it.
        if (text.Length > max * 4)
        {
            violations.Add(new FieldViolation(field, $"is longer than {max} characters"));
            return null;
        }

        if (!IsWellFormedUtf16(text))
        {
            violations.Add(new FieldViolation(field, "holds a broken character (a lone UTF-16 surrogate)"));
            return null;
        }

        text = text.Normalize(NormalizationForm.FormC);
        if (text.Length > max || text.Length < min)
        {
            violations.Add(new FieldViolation(field, text.Length > max ? $"is longer than {max} characters" : $"is shorter than {min} characters"));
            return null;
        }

        foreach (var character in text)
        {
            if (char.IsControl(character) && !(prose && character is '\n' or '\r' or '\t'))
            {
                violations.Add(new FieldViolation(field, prose ? "holds a control character other than a line break or tab" : "holds a control character"));
                return null;
            }
        }

        return text;
    }

    private static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
