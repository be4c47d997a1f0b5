using Pilot.Registry.Domain.Model;

namespace Pilot.Registry.Domain.Events;

/// <param name="PartyId">The party's id if it has already registered; null when recorded ahead of registration.</param>
public sealed record ExceptionRecorded(
    PartyKind Party,
    string CreditCode,
    string? PartyId,
    string? PartyName,
    string Rule,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRegistryEvent
{
    public string Subject => CreditCode;
}
