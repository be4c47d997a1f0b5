using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Model;

/// <summary>
/// An exception the national centre records to the "in principle" rule R1 for one organisation or
/// branch. It is keyed by the party's credit code, not its id, so it can be recorded before the
/// party registers — R1 refuses the registration itself, so there would otherwise be no id to name.
/// </summary>
public sealed record ExceptionRecord(
    PartyKind Party,
    UnifiedSocialCreditCode CreditCode,
    string Rule,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt);
