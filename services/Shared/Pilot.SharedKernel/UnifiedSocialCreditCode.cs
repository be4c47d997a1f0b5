namespace Pilot.SharedKernel;

/// <summary>
/// The 18-character unified social credit code of GB 32100-2015, checked by its last character.
/// </summary>
public readonly record struct UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private UnifiedSocialCreditCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>Parses a code, or says in one sentence why it is not one.</summary>
    public static bool TryParse(string? text, out UnifiedSocialCreditCode code, out string error)
    {
        code = default;
        var candidate = (text ?? string.Empty).Trim().ToUpperInvariant();
        if (candidate.Length != 18)
        {
            error = $"a unified social credit code has 18 characters, this one has {candidate.Length}";
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 18; i++)
        {
            var value = Alphabet.IndexOf(candidate[i], StringComparison.Ordinal);
            if (value < 0)
            {
                error = $"character '{candidate[i]}' at position {i + 1} is not allowed (I, O, S, V and Z never occur)";
                return false;
            }

            if (i < 17)
            {
                sum += value * Weights[i];
            }
        }

        var expected = Alphabet[(31 - (sum % 31)) % 31];
        if (candidate[17] != expected)
        {
            error = $"check character is '{candidate[17]}' but the first 17 characters require '{expected}' (GB 32100-2015)";
            return false;
        }

        code = new UnifiedSocialCreditCode(candidate);
        error = string.Empty;
        return true;
    }

    /// <summary>
    /// The full code for 17 leading characters, with the check character computed: for demo data,
    /// benchmarks and tests that need many valid codes.
    /// </summary>
    public static UnifiedSocialCreditCode Complete(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17)
        {
            throw new ArgumentException("17 characters are needed", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not allowed in a credit code", nameof(first17));
            }

            sum += value * Weights[i];
        }

        return new UnifiedSocialCreditCode(first17 + Alphabet[(31 - (sum % 31)) % 31]);
    }

    /// <summary>Parses a code or throws an InvalidArgument error naming <paramref name="field"/>.</summary>
    public static UnifiedSocialCreditCode Parse(string? text, string field)
    {
        if (!TryParse(text, out var code, out var error))
        {
            throw DomainException.Invalid(field, error);
        }

        return code;
    }
}
