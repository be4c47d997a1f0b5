namespace Pilot.Filing.Domain.Events;

/// <summary>
/// Something that happened in Filing, to be published as a CloudEvent on <see cref="FilingEventsTopic.Name"/>.
/// </summary>
/// <param name="EventId">
/// CloudEvents id. Built from the command's request id and the event type, so a retried command yields
/// the same id and subscribers can drop the duplicate.
/// </param>
/// <param name="OccurredAt">CloudEvents time.</param>
public abstract record FilingEvent(string EventId, DateTimeOffset OccurredAt)
{
    /// <summary>CloudEvents type, e.g. <c>pilot.filing.filing-accepted.v1</c>.</summary>
    public abstract string Type { get; }

    /// <summary>CloudEvents subject: the package or filing the event is about.</summary>
    public abstract string Subject { get; }

    public static string IdFor(string requestId, string eventType) => $"{requestId}:{eventType}";
}
