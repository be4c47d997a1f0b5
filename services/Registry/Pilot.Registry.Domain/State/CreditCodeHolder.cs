using Pilot.Registry.Domain.Model;

namespace Pilot.Registry.Domain.State;

/// <summary>The registered party that already uses a credit code.</summary>
public sealed record CreditCodeHolder(PartyKind Party, string Id, string Name);
