namespace Pilot.Filing.IntegrationEvents;

/// <summary>
/// What every event Filing publishes on <c>filing-events</c> carries besides its own fields: its CloudEvents type and
/// subject (the package or filing it is about, which consumers filter on) and when it happened. The contracts keep
/// the shape the events had when the domain's records were published as they were: own fields first, then
/// <c>type</c>, <c>subject</c>, <c>occurredAt</c>.
/// </summary>
public abstract record FilingIntegrationEvent(DateTimeOffset OccurredAt) : Pilot.EventBus.IEventSubject
{
    /// <summary>The CloudEvents type, repeated in the data.</summary>
    public abstract string Type { get; }

    /// <summary>The package or filing id.</summary>
    public abstract string Subject { get; }
}
