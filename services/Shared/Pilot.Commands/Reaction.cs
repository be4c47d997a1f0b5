using Pilot.Storage;

namespace Pilot.Commands;

/// <summary>What a service decided to do about an event it received: writes and events, or nothing at all.</summary>
public sealed class Reaction
{
    private Reaction(Action<IStateWrites>? writes, IReadOnlyList<OutgoingEvent> events)
    {
        Writes = writes;
        Events = events;
    }

    /// <summary>The event changes nothing: its effect exists already (the same fact under another envelope id, say).</summary>
    public static Reaction None { get; } = new(null, []);

    public Action<IStateWrites>? Writes { get; }

    public IReadOnlyList<OutgoingEvent> Events { get; }

    public static Reaction Apply(Action<IStateWrites> writes, params IReadOnlyList<OutgoingEvent> events) =>
        new(writes ?? throw new ArgumentNullException(nameof(writes)), events);
}
