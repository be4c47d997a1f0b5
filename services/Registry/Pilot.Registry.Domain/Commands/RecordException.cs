using Pilot.Registry.Domain.Model;

namespace Pilot.Registry.Domain.Commands;

/// <summary>The national centre's exception to R1 for one party. Field paths: <c>party</c>, <c>credit_code</c>, <c>reason</c>.</summary>
public sealed record RecordException(string RequestId, PartyKind Party, string CreditCode, string Reason);
