using Pilot.ServiceDefaults.Grpc.Input;
using Pilot.Commands;
using Pilot.EventBus;
using Pilot.Registry.Application;
using Pilot.Registry.Domain.Decisions;
using Pilot.Registry.Domain.Occupations;
using Pilot.Registry.Domain.Queries;
using Pilot.Registry.Grpc;
using Pilot.Registry.Storage;
using Pilot.ServiceDefaults.Redis;

namespace Pilot.Registry;

public static class RegistryExtensions
{
    /// <summary>The Registry's app id: its consumer group, the prefix of its answers and the seed of its event ids.</summary>
    public const string AppId = "registry";

    public static WebApplicationBuilder AddRegistryService(this WebApplicationBuilder builder)
    {
        builder.AddPilotRedisClient();
        builder.AddPilotEventBus(AppId);

        builder.Services.AddInputLimits(RegistryInputLimits.Create());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(OccupationCatalogue.Default);
        builder.Services.AddSingleton<RegistryDecider>();
        builder.Services.AddSingleton<RegistryQueries>();
        builder.Services.AddCommandPipeline(builder.Configuration, AppId, RegistryJson.Options);
        builder.Services.AddSingleton<RegistryCommands>();
        builder.Services.AddSingleton<RegistryReads>();
        return builder;
    }

    public static WebApplication MapRegistryService(this WebApplication app)
    {
        app.MapPilotEventSubscriptions();
        app.MapGrpcService<RegistryGrpcService>();
        return app;
    }
}
