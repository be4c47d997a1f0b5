namespace Pilot.EventBus;

public enum EventBusTransport
{
    /// <summary>Streams in the service's own Redis, laid out as Dapr's pubsub.redis component does.</summary>
    RedisStreams,

    /// <summary>A Dapr sidecar: publish over gRPC, receive on HTTP routes that daprd calls.</summary>
    Dapr,
}
