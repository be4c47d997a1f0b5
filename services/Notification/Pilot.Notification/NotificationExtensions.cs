using Pilot.Notification.Grpc;
using Pilot.ServiceDefaults.Redis;

namespace Pilot.Notification;

public static class NotificationExtensions
{
    public static WebApplicationBuilder AddNotificationService(this WebApplicationBuilder builder)
    {
        builder.AddPilotRedisClient();
        return builder;
    }

    public static WebApplication MapNotificationService(this WebApplication app)
    {
        app.MapGrpcService<NotificationGrpcService>();
        return app;
    }
}
