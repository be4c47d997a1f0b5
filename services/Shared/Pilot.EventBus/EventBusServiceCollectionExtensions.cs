using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pilot.EventBus.Consuming;
using Pilot.EventBus.Dapr;
using Pilot.EventBus.Diagnostics;
using Pilot.EventBus.Envelope;
using Pilot.EventBus.Publishing;
using Pilot.EventBus.Redis;

namespace Pilot.EventBus;

public static class EventBusServiceCollectionExtensions
{
    /// <summary>
    /// Adds the event bus for <paramref name="appId"/>. Needs an <c>IConnectionMultiplexer</c> in DI
    /// (Aspire's <c>AddRedisClient("redis")</c>). The transport is Dapr when daprd's gRPC address is in
    /// the environment (DAPR_GRPC_ENDPOINT or DAPR_GRPC_PORT), Redis Streams otherwise; the
    /// <c>EventBus</c> configuration section and <paramref name="configure"/> can override any option.
    /// </summary>
    public static IHostApplicationBuilder AddPilotEventBus(this IHostApplicationBuilder builder, string appId, Action<EventBusOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        var configuration = builder.Configuration;
        var services = builder.Services;

        services.AddOptions<EventBusOptions>()
            .Configure(o =>
            {
                o.AppId = appId;
                o.Transport = DetectTransport(configuration);
                o.AppApiToken = configuration[DaprApiToken.EnvironmentVariable];
            })
            .Bind(configuration.GetSection(EventBusOptions.SectionName))
            .Configure(o => configure?.Invoke(o));

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<EventBusStatus>();
        services.TryAddSingleton<EventBusTelemetry>();
        services.TryAddSingleton<SubscriptionRegistry>();
        services.TryAddSingleton<EventDispatcher>();
        services.TryAddSingleton<DeadLetterWriter>();
        services.TryAddSingleton<OutboxRelaySignal>();
        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<EventBusOptions>>().Value;
            return new EnvelopeFactory(settings.AppId, settings.PubsubName, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<IEventOutbox, RedisEventOutbox>();
        services.TryAddSingleton<DaprEventEndpoint>();

        // DaprClient is built lazily, so registering it costs a Redis-only service nothing.
        services.AddDaprClient();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, DaprdAuthentication>(DaprdAuthentication.SchemeName, _ => { });
        services.AddAuthorizationBuilder().AddPolicy(
            DaprdAuthentication.Policy, policy => policy.AddAuthenticationSchemes(DaprdAuthentication.SchemeName).RequireAuthenticatedUser());

        // Each loop checks the transport when it starts and ends at once if it has nothing to do.
        services.AddHostedService<RedisStreamConsumer>();
        services.AddHostedService<DaprOutboxRelay>();
        services.AddHostedService<EventBusMonitor>();
        services.AddHealthChecks().AddCheck<EventBusHealthCheck>("eventbus", tags: ["eventbus"]);
        return builder;
    }

    /// <summary>
    /// Subscribes <typeparamref name="THandler"/> to <typeparamref name="TEvent"/> on the event's topic.
    /// One handler per event type; it is resolved from a fresh scope for each delivery.
    /// </summary>
    public static IServiceCollection AddEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IIntegrationEvent
        where THandler : class, IEventHandler<TEvent>
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton<EventSubscription, EventSubscription<TEvent, THandler>>();
        return services;
    }

    internal static EventBusTransport DetectTransport(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["DAPR_GRPC_ENDPOINT"]) || !string.IsNullOrEmpty(configuration["DAPR_GRPC_PORT"])
            ? EventBusTransport.Dapr
            : EventBusTransport.RedisStreams;
}
