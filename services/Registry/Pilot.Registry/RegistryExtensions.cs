using Pilot.Registry.Grpc;

namespace Pilot.Registry;

public static class RegistryExtensions
{
    public static WebApplicationBuilder AddRegistryService(this WebApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");
        return builder;
    }

    public static WebApplication MapRegistryService(this WebApplication app)
    {
        app.MapGrpcService<RegistryGrpcService>();
        return app;
    }
}
