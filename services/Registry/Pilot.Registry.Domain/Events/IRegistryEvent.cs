namespace Pilot.Registry.Domain.Events;

/// <summary>
/// A fact the registry publishes on <see cref="RegistryTopic.Name"/> as a CloudEvent. Each event
/// carries all a consumer needs, so none has to call the registry back.
/// </summary>
public interface IRegistryEvent
{
    /// <summary>The CloudEvents <c>type</c>, e.g. <c>pilot.registry.batch-opened.v1</c>.</summary>
    string EventType { get; }

    /// <summary>The CloudEvents <c>subject</c>: the id of the record the event is about.</summary>
    string Subject { get; }
}
