namespace Pilot.EventBus;

/// <summary>
/// An event that crosses a service boundary. Each contract names its own versioned CloudEvents
/// <c>type</c> and the producer's topic, so publishers and subscribers cannot disagree on them.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>Versioned event name, e.g. <c>pilot.filing.accepted.v1</c>.</summary>
    static abstract string EventType { get; }

    /// <summary>The producer's topic, one of <see cref="PilotTopics"/>.</summary>
    static abstract string Topic { get; }
}
