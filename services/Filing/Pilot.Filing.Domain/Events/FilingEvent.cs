namespace Pilot.Filing.Domain.Events;

/// <summary>
/// Something that happened in Filing, to be published as a CloudEvent on <see cref="FilingEventsTopic.Name"/>.
/// Its CloudEvents id is not the domain's to choose: storage derives it when the event commits
/// (<see cref="Pilot.SharedKernel.EventIds"/>), from the caller, the request and the event's place in the outcome.
/// </summary>
/// <param name="OccurredAt">CloudEvents time.</param>
public abstract record FilingEvent(DateTimeOffset OccurredAt)
{
    /// <summary>CloudEvents type, e.g. <c>pilot.filing.filing-accepted.v1</c>.</summary>
    public abstract string Type { get; }

    /// <summary>CloudEvents subject: the package or filing the event is about.</summary>
    public abstract string Subject { get; }
}
