namespace Pilot.EventBus;

/// <summary>
/// A contract about one record (a filing, a branch, a batch): its id becomes the envelope's CloudEvents
/// <c>subject</c>, so a subscriber can route or filter without reading the data.
/// </summary>
public interface IEventSubject
{
    string Subject { get; }
}
