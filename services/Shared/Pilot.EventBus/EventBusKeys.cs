namespace Pilot.EventBus;

/// <summary>The Redis keys the bus owns besides the topic streams.</summary>
public static class EventBusKeys
{
    /// <summary>Dapr mode only: events committed with the state, waiting for the relay.</summary>
    public static string Outbox(string appId) => $"{appId}:outbox";

    /// <summary>Exists while the event is remembered as handled by this app.</summary>
    public static string HandledMarker(string appId, string eventId) => $"{appId}:handled:{eventId}";
}
