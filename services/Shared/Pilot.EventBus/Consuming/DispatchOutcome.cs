namespace Pilot.EventBus.Consuming;

internal enum DispatchOutcomeKind
{
    /// <summary>The handler's writes and the dedupe marker committed.</summary>
    Handled,

    /// <summary>The event had been handled before; nothing changed.</summary>
    Duplicate,

    /// <summary>No handler for this type on this topic; the message is not ours to act on.</summary>
    Ignored,

    /// <summary>A failure that may pass: deliver again later.</summary>
    Retry,

    /// <summary>Can never succeed: dead-letter it.</summary>
    Poison,
}

internal readonly record struct DispatchOutcome(DispatchOutcomeKind Kind, Exception? Error = null)
{
    public static DispatchOutcome Handled { get; } = new(DispatchOutcomeKind.Handled);

    public static DispatchOutcome Duplicate { get; } = new(DispatchOutcomeKind.Duplicate);

    public static DispatchOutcome Ignored { get; } = new(DispatchOutcomeKind.Ignored);
}
