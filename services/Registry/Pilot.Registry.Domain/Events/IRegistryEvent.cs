namespace Pilot.Registry.Domain.Events;

/// <summary>
/// A fact the Registry's decisions produce. The service publishes each as a contract of its own
/// (<c>Pilot.Registry.IntegrationEvents</c>); each carries all a consumer needs, so none has to call the Registry back.
/// </summary>
public interface IRegistryEvent
{
    /// <summary>The CloudEvents <c>subject</c>: the id of the record the event is about.</summary>
    string Subject { get; }
}
