using Pilot.Filing.Grpc;

namespace Pilot.Filing;

public static class FilingExtensions
{
    public static WebApplicationBuilder AddFilingService(this WebApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");
        return builder;
    }

    public static WebApplication MapFilingService(this WebApplication app)
    {
        app.MapGrpcService<FilingGrpcService>();
        return app;
    }
}
