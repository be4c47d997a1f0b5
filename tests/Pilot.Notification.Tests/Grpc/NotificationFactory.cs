using Pilot.Testing.Services;

namespace Pilot.Notification.Tests.Grpc;

/// <summary>The Notification service in process, shared by the gRPC tests of one class.</summary>
public sealed class NotificationFactory : ServiceFactory<Program>
{
    public NotificationFactory()
        : base(redisConnectionString: null)
    {
    }
}
