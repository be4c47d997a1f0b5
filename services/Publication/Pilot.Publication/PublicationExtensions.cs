using Microsoft.Extensions.DependencyInjection.Extensions;
using Pilot.EventBus;
using Pilot.Scheduling;
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
        builder.AddPilotScheduling(AppId);

        var services = builder.Services;
        services.AddOptions<PublicationOptions>()
            .Bind(builder.Configuration.GetSection(PublicationOptions.SectionName))
            .Validate(options => options.PublicityWorkingDays >= 1, "Pilot:Publication:PublicityWorkingDays must be at least 1")
            .Validate(
                options => options.WindowMinutes is null || (options.WindowMinutes >= 1 && builder.Environment.IsDevelopment()),
                "Pilot:Publication:WindowMinutes shortens every publicity window and is for local Development runs only: remove it (windows then last PublicityWorkingDays working days)")
            .ValidateOnStart();
        services.TryAddSingleton(WorkingDayCalendar.MainlandChina);
        services.TryAddSingleton<PublicityStore>();
        services.AddEventHandler<FilingAccepted, OpenPublicityOnFilingAccepted>();
        services.AddScheduledJob<CloseWindow, CloseWindowOnTime>(CloseWindow.Kind);
        return builder;
    }

    public static WebApplication MapPublicationService(this WebApplication app)
    {
        app.MapGrpcService<PublicationGrpcService>();
        app.MapPilotEventSubscriptions();
        return app;
    }
}
