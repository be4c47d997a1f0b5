namespace Pilot.Filing.Domain.Events;

/// <summary>
/// Something that happened in Filing, as the domain decides it. How it is announced to other services (topic,
/// CloudEvents type and id, the contract's fields) is the service's business: see its <c>IntegrationEvents</c>.
/// </summary>
/// <param name="OccurredAt">When it happened.</param>
public abstract record FilingEvent(DateTimeOffset OccurredAt);
