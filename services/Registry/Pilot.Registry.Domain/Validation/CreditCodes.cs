using Pilot.Registry.Domain.State;
using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Validation;

internal static class CreditCodes
{
    /// <summary>Parses the code, recording a violation if it is malformed or (when <paramref name="model"/> is given) already used by another party.</summary>
    public static UnifiedSocialCreditCode Check(
        string? text,
        string field,
        Violations violations,
        IRegistryReadModel? model = null,
        string? ownId = null)
    {
        if (!UnifiedSocialCreditCode.TryParse(text, out var code, out var error))
        {
            violations.Add(field, error);
            return default;
        }

        var holder = model?.FindCreditCodeHolder(code);
        if (holder is not null && !string.Equals(holder.Id, ownId, StringComparison.Ordinal))
        {
            violations.Add(field, $"{code} is already registered to {holder.Party.ToString().ToLowerInvariant()} {holder.Id} ({holder.Name})");
        }

        return code;
    }
}
