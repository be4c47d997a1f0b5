using Pilot.Publication.Grpc;

namespace Pilot.Publication;

public static class PublicationExtensions
{
    public static WebApplicationBuilder AddPublicationService(this WebApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");
        return builder;
    }

    public static WebApplication MapPublicationService(this WebApplication app)
    {
        app.MapGrpcService<PublicationGrpcService>();
        return app;
    }
}
