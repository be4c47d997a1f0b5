using Microsoft.Extensions.DependencyInjection.Extensions;
using Pilot.EventBus;
using Pilot.Publication.Grpc;
using Pilot.Publication.Application;
using Pilot.Publication.IntegrationEvents;
using Pilot.Publication.Storage;
using Pilot.ServiceDefaults.Redis;
using Pilot.SharedKernel;

namespace Pilot.Publication;

public static class PublicationExtensions
{
    public const string AppId = "publication";

    public static WebApplicationBuilder AddPublicationService(this WebApplicationBuilder builder)
    {
        builder.AddPilotRedisClient();
        builder.AddPilotEventBus(AppId);

        var services = builder.Services;
        services.AddOptions<PublicationOptions>()
            .Bind(builder.Configuration.GetSection(PublicationOptions.SectionName))
            .Validate(options => options.PublicityWorkingDays >= 1, "Pilot:Publication:PublicityWorkingDays must be at least 1")
            .ValidateOnStart();
        services.TryAddSingleton(WorkingDayCalendar.MainlandChina);
        services.TryAddSingleton<PublicityStore>();
        services.AddEventHandler<FilingAccepted, OpenPublicityOnFilingAccepted>();
        return builder;
    }

    public static WebApplication MapPublicationService(this WebApplication app)
    {
        app.MapGrpcService<PublicationGrpcService>();
        app.MapPilotEventSubscriptions();
        return app;
    }
}
