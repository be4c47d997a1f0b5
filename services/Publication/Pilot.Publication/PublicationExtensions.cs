using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi.Models;
using Pilot.Commands;
using Pilot.EventBus;
using Pilot.Publication.Application;
using Pilot.Publication.Facts;
using Pilot.Publication.Grpc;
using Pilot.Publication.Http;
using Pilot.Publication.IntegrationEvents;
using Pilot.Publication.Storage;
using Pilot.Scheduling;
using Pilot.ServiceDefaults.Grpc.Input;
using Pilot.ServiceDefaults.Redis;
using Pilot.SharedKernel;

namespace Pilot.Publication;

public static class PublicationExtensions
{
    public const string AppId = "publication";

    /// <summary>Evidence (2 MiB) and the objection's text fit; anything larger is refused before it is read whole.</summary>
    public const int MaxReceiveMessageBytes = 3 * 1024 * 1024;

    public static WebApplicationBuilder AddPublicationService(this WebApplicationBuilder builder)
    {
        builder.AddPilotRedisClient();
        builder.AddPilotEventBus(AppId);
        builder.AddPilotScheduling(AppId);

        var services = builder.Services;
        services.AddOptions<PublicationOptions>()
            .Bind(builder.Configuration.GetSection(PublicationOptions.SectionName))
            .Validate(options => options.PublicityWorkingDays >= 1, "Pilot:Publication:PublicityWorkingDays must be at least 1")
            .Validate(options => options.ObjectionsPerMinute >= 1, "Pilot:Publication:ObjectionsPerMinute must be at least 1")
            .Validate(
                options => options.TrustedProxies.All(proxy => System.Net.IPAddress.TryParse(proxy, out _)),
                "Pilot:Publication:TrustedProxies lists IP addresses of reverse proxies")
            .Validate(
                options => options.WindowMinutes is null || (options.WindowMinutes >= 1 && builder.Environment.IsDevelopment()),
                "Pilot:Publication:WindowMinutes shortens every publicity window and is for local Development runs only: remove it (windows then last PublicityWorkingDays working days)")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(WorkingDayCalendar.MainlandChina);
        services.AddCommandPipeline(builder.Configuration, AppId, PublicationJson.Options);
        services.TryAddSingleton<PublicityStore>();
        services.TryAddSingleton<ObjectionStore>();
        services.TryAddSingleton<DirectoryStore>();
        services.TryAddSingleton<ObjectionCommands>();
        services.TryAddSingleton<DirectoryCommands>();
        services.TryAddSingleton<PublicationReads>();
        services.TryAddSingleton<DirectoryCsv>();
        services.AddRegistryFactCopies();
        services.AddEventHandler<FilingAccepted, OpenPublicityOnFilingAccepted>();
        services.AddScheduledJob<CloseWindow, CloseWindowOnTime>(CloseWindow.Kind);

        // HTTP JSON answers carry the same error details as gRPC (ErrorInfo, BadRequest), so transcoding must know them.
        services.AddGrpc(options => options.MaxReceiveMessageSize = MaxReceiveMessageBytes)
            .AddJsonTranscoding(transcoding => transcoding.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromFiles(Google.Rpc.ErrorDetailsReflection.Descriptor));
        services.AddGrpcSwagger();
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Pilot Publication: publicity, objections and the directory",
                Version = "v1",
                Description = "The public HTTP JSON routes of the Publication service (gRPC JSON transcoding of pilot.publication.v1.Publication).",
            });
            var comments = Path.Combine(AppContext.BaseDirectory, "Pilot.Publication.xml");
            if (File.Exists(comments))
            {
                swagger.IncludeGrpcXmlComments(comments, includeControllerXmlComments: true);
            }
        });
        // Both AddGrpc above and AddGrpcSwagger register grpc-dotnet's own binder again; the checked one must stay alone.
        services.KeepOnlyCheckedGrpcBinding();
        TranscodePublicationOnly(services);
        services.AddInputLimits(PublicationInputLimits.Create());
        services.AddObjectionRateLimit();
        return builder;
    }

    /// <summary>
    /// JSON transcoding registers its method provider for every gRPC service; only Publication has HTTP routes, so only
    /// it is looked at for them.
    /// </summary>
    private static void TranscodePublicationOnly(IServiceCollection services)
    {
        var transcoding = services.Single(descriptor => descriptor.ServiceType == typeof(global::Grpc.AspNetCore.Server.Model.IServiceMethodProvider<>)
            && descriptor.ImplementationType?.Namespace?.StartsWith("Microsoft.AspNetCore.Grpc.JsonTranscoding", StringComparison.Ordinal) == true);
        services.Remove(transcoding);
        services.AddSingleton(
            typeof(global::Grpc.AspNetCore.Server.Model.IServiceMethodProvider<PublicationGrpcService>),
            transcoding.ImplementationType!.MakeGenericType(typeof(PublicationGrpcService)));
    }

    public static WebApplication MapPublicationService(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseRateLimiter();
        app.MapSwagger("openapi/{documentName}.json").AllowAnonymous();
        app.MapGrpcService<PublicationGrpcService>();
        app.MapDirectoryExport();
        app.MapPilotEventSubscriptions();
        return app;
    }
}
