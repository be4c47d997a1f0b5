using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pilot.AppHost.Resources;

namespace Pilot.AppHost;

/// <summary>The whole of Pilot: Redis, the four services, a development mail server and the demo that walks a batch through them.</summary>
public static class AppHostBuilder
{
    public static IDistributedApplicationBuilder AddPilot(this IDistributedApplicationBuilder builder)
    {
        var state = PilotStateFolder.Resolve(builder);
        var redis = builder.AddRedisServer("redis", state.RedisData);

        var registry = builder.AddPilotService<Projects.Pilot_Registry>("registry", redis, state);
        var filing = builder.AddPilotService<Projects.Pilot_Filing>("filing", redis, state)
            .WithReference(registry.GetEndpoint("grpc"))
            .WithEnvironment("Pilot__Blobs__Path", state.Blobs);
        var publication = builder.AddPilotService<Projects.Pilot_Publication>("publication", redis, state);
        // A local run reaches the end of publicity in minutes; the service refuses the setting outside Development.
        if (builder.Environment.IsDevelopment() && builder.Configuration["Pilot:Publication:WindowMinutes"] is { Length: > 0 } windowMinutes)
        {
            publication.WithEnvironment("Pilot__Publication__WindowMinutes", windowMinutes);
        }
        var smtp = builder.AddSmtp4dev("smtp4dev");
        var demoWebhookPort = builder.Configuration.GetValue<int>("Pilot:Ports:demo-webhooks:http");
        var notification = builder.AddPilotService<Projects.Pilot_Notification>("notification", redis, state)
            .WithReference(filing.GetEndpoint("grpc"))
            .WithEnvironment("Pilot__Notification__Email__Host", "127.0.0.1")
            .WithEnvironment("Pilot__Notification__Email__Port", smtp.GetEndpoint("smtp").Property(EndpointProperty.Port))
            .WithEnvironment("Pilot__Notification__Email__Security", "None")
            .WithEnvironment("Pilot__Notification__Email__Addresses__centre", "centre@pilot.local")
            .WithEnvironment("Pilot__Notification__Email__Addresses__bureau-110000", "beijing-hr@pilot.local");
        // The demo's webhook receiver listens on localhost: only a local run may deliver to a private address.
        if (builder.Environment.IsDevelopment())
        {
            notification.WithEnvironment("Pilot__Notification__Webhooks__AllowPrivateNetworks", "true");
        }
        // The information platform's reference subscriber: its copy of publicity and the directory, from publication-events.
        builder.AddInfoPlatform(redis, publication);

        builder.AddProject<Projects.Pilot_Demo>("demo", launchProfileName: null)
            .WithEnvironment("Pilot__Auth__SigningKeyFile", state.SigningKeyFile)
            .WithEnvironment("OTEL_EXPORTER_OTLP_TIMEOUT", "1000")
            .WithReference(registry.GetEndpoint("grpc"))
            .WithReference(filing.GetEndpoint("grpc"))
            .WithReference(publication.GetEndpoint("grpc"))
            .WithReference(publication.GetEndpoint("http"))
            .WithReference(notification.GetEndpoint("grpc"))
            .WithEnvironment("Pilot__Demo__WebhookPort", demoWebhookPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("Pilot__Demo__MailPage", smtp.GetEndpoint("http"))
            .WaitFor(registry)
            .WaitFor(filing)
            .WaitFor(publication)
            .WaitFor(notification);

        builder.Services.AddHostedService<StartupSummary>();
        return builder;
    }
}
