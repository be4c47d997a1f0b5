using Pilot.Publication.Grpc;
using Pilot.ServiceDefaults.Redis;

namespace Pilot.Publication;

public static class PublicationExtensions
{
    public static WebApplicationBuilder AddPublicationService(this WebApplicationBuilder builder)
    {
        builder.AddPilotRedisClient();
        return builder;
    }

    public static WebApplication MapPublicationService(this WebApplication app)
    {
        app.MapGrpcService<PublicationGrpcService>();
        return app;
    }
}
