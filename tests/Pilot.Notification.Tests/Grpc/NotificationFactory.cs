using Pilot.Testing.Services;

namespace Pilot.Notification.Tests.Grpc;

/// <summary>The Notification service in process without Redis: enough to check that every method wants a token.</summary>
public sealed class NotificationFactory : ServiceFactory<Program>
{
    public NotificationFactory()
        : base(redisConnectionString: null)
    {
    }
}
