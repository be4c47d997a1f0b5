namespace Pilot.EventBus;

/// <summary>
/// Publishes events atomically with the caller's own writes: <see cref="Prepare"/> an event and append it to the same
/// commit as the state change (<see cref="EventAppends.Append"/>), and both land or neither does.
/// </summary>
public interface IEventOutbox
{
    /// <summary>
    /// The stream entry for an event, for a caller's commit (a <c>Pilot.Storage.ConditionalCommit</c>, a handler's
    /// writes): <see cref="EventAppends.Append"/> adds it to <see cref="PreparedEvent.Stream"/> as field <c>data</c> and
    /// calls <see cref="PreparedEvent.Committed"/> once the commit has succeeded.
    /// </summary>
    /// <param name="eventId">The id <c>EventIds</c> derives for the event, so a retried commit publishes under the same
    /// id; a new uuid when null.</param>
    PreparedEvent Prepare(string topic, string eventType, object data, string? eventId = null);

    /// <summary>Publishes an event that goes with no state change of its own.</summary>
    Task<string> PublishAsync<TEvent>(TEvent evt, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent;
}
