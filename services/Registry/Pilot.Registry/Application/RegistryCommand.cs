using Google.Protobuf;
using Pilot.Registry.Domain.Decisions;
using Pilot.Registry.Storage;

namespace Pilot.Registry.Application;

/// <summary>
/// One state change, described for <see cref="RegistryCommandRunner"/>: which keys to fetch up front,
/// how the domain decides, which keys the new record goes to, and what to answer.
/// </summary>
/// <param name="Caller">Request ids are scoped to the caller, so one party can never read another's stored answer.</param>
internal sealed record RegistryCommand<TState, TResponse>(
    Pilot.SharedKernel.Caller Caller,
    string RequestId,
    IMessage Request,
    IReadOnlyList<string> Prefetch,
    Func<RegistrySnapshot, Decision<TState>> Decide,
    Action<RegistryChangeSet, TState, RegistrySnapshot> Record,
    Func<TState, RegistrySnapshot, TResponse> Respond)
{
    /// <summary>Keys that can only be named once the prefetched records are in (a branch's organisation, say).</summary>
    public Func<RegistrySnapshot, IEnumerable<string>>? ThenPrefetch { get; init; }
}
