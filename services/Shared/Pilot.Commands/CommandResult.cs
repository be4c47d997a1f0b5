using Pilot.SharedKernel;
using Pilot.Storage;

namespace Pilot.Commands;

/// <summary>An event to publish with a command's writes; its CloudEvents id is the pipeline's to derive.</summary>
public sealed record OutgoingEvent(string Topic, string Type, object Data);

/// <summary>
/// What a command decided: an answer with the writes and events that make it true, or a refusal. A refusal may leave
/// traces (an audit record) and events (a refused package is announced); a refusal that announces something is
/// remembered under the request id, so a retry gets the same refusal and announces nothing twice.
/// </summary>
public sealed class CommandResult<TAnswer>
    where TAnswer : class
{
    internal CommandResult(TAnswer? answer, DomainException? refusal, Action<IStateWrites>? writes, IReadOnlyList<OutgoingEvent> events, bool remembered)
    {
        Answer = answer;
        Refusal = refusal;
        Writes = writes;
        Events = events;
        Remembered = remembered;
    }

    public TAnswer? Answer { get; }

    public DomainException? Refusal { get; }

    /// <summary>The state writes (for an answer) or the traces (for a refusal; null when it leaves none).</summary>
    public Action<IStateWrites>? Writes { get; }

    public IReadOnlyList<OutgoingEvent> Events { get; }

    /// <summary>A refusal stored as the request id's answer.</summary>
    public bool Remembered { get; }
}

/// <summary>Builds results; apart from the generic type so that callers need not repeat the answer type.</summary>
public static class CommandResult
{
    public static CommandResult<TAnswer> Accepted<TAnswer>(TAnswer answer, Action<IStateWrites> writes, params IReadOnlyList<OutgoingEvent> events)
        where TAnswer : class =>
        new(answer ?? throw new ArgumentNullException(nameof(answer)), null, writes ?? throw new ArgumentNullException(nameof(writes)), events, remembered: false);

    /// <param name="traces">Writes kept although the request was refused (its audit record); committed whatever changed meanwhile.</param>
    public static CommandResult<TAnswer> Refused<TAnswer>(DomainException refusal, Action<IStateWrites>? traces = null, params IReadOnlyList<OutgoingEvent> events)
        where TAnswer : class =>
        new(null, refusal ?? throw new ArgumentNullException(nameof(refusal)), traces, events, remembered: events.Count > 0);
}
