using Pilot.Registry.Domain.Events;

namespace Pilot.Registry.Domain.Decisions;

/// <summary>What an accepted command results in: the record to store and the events to publish, both or neither.</summary>
public sealed record Decision<T>(T State, IReadOnlyList<IRegistryEvent> Events);
