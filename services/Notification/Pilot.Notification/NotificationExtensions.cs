using Pilot.Notification.Grpc;

namespace Pilot.Notification;

public static class NotificationExtensions
{
    public static WebApplicationBuilder AddNotificationService(this WebApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");
        return builder;
    }

    public static WebApplication MapNotificationService(this WebApplication app)
    {
        app.MapGrpcService<NotificationGrpcService>();
        return app;
    }
}
