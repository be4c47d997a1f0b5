using Pilot.SharedKernel;

namespace Pilot.Commands;

/// <summary>
/// One state change, as <see cref="CommandPipeline"/> runs it: who asks, under which request id, what they asked
/// (its name and the domain command, together the fingerprint that recognises a repeat), how the state it decides
/// on is read, and how it is decided. Plain domain types in and out: the gRPC edge maps to and from the wire.
/// </summary>
/// <param name="Caller">Request ids are scoped to the caller: one party never reads another's stored answer.</param>
/// <param name="Name">The command's name (the rpc): the same body sent to two commands is two requests.</param>
/// <param name="Request">The domain command; its JSON is what the fingerprint covers.</param>
/// <param name="Load">Reads what the decision needs, on every attempt; what it read becomes the commit's condition.</param>
/// <param name="Decide">The domain's decision on what was read, as writes, events and the answer.</param>
public sealed record Command<TReads, TAnswer>(
    Caller Caller,
    string RequestId,
    string Name,
    object Request,
    Func<CommandAttempt, Task<TReads>> Load,
    Func<TReads, CommandResult<TAnswer>> Decide)
    where TReads : ICommandReads
    where TAnswer : class
{
    /// <summary>
    /// The traces to keep when the pipeline itself refuses the request: its request id was used for another request
    /// (Filing audits that attempt as it audits every other). Null keeps none.
    /// </summary>
    public Func<DomainException, Action<Pilot.Storage.IStateWrites>>? TracesOfReuse { get; init; }
}

/// <summary>
/// Which attempt this is (1 first): a loader may read less on the first, when a conflict is unlikely. The pipeline looks
/// up the request id's stored answer while the loader reads, in the same round trip; a loader that is about to call
/// another service awaits <see cref="IsRepeatAsync"/> first, so a retried request is answered from storage even while
/// that service cannot be reached.
/// </summary>
public sealed class CommandAttempt(int number, Task<bool> repeat)
{
    public int Number => number;

    public bool IsFirst => number == 1;

    /// <summary>True when the request id already has an answer: the pipeline will return it and ignore what is loaded.</summary>
    public Task<bool> IsRepeatAsync() => repeat;
}
