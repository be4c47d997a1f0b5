using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Dapr;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pilot.Samples.InfoPlatform.Copy;
using Pilot.Samples.InfoPlatform.Events;
using Pilot.Samples.InfoPlatform.SidecarStandIn;
using Pilot.Samples.InfoPlatform.Web;
using StackExchange.Redis;

namespace Pilot.Samples.InfoPlatform;

/// <summary>
/// The reference subscriber: Dapr subscription routes for publication-events, the copy they keep in Redis, and the
/// page and JSON that show it. Under <c>dapr run</c> daprd delivers the events; without daprd the sidecar stand-in
/// (<see cref="RedisStreamsSidecar"/>) does, from the same Redis streams.
/// </summary>
public static class InfoPlatformApp
{
    public const string DefaultAppId = "infoplatform";

    /// <summary>The route daprd (or the stand-in) posts publication-events to.</summary>
    public const string EventRoute = "/events/publication-events";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var appId = builder.Configuration["Pilot:AppId"] is { Length: > 0 } pilotAppId ? pilotAppId
            : builder.Configuration["APP_ID"] is { Length: > 0 } daprAppId ? daprAppId
            : DefaultAppId;

        builder.Services.Configure<InfoPlatformOptions>(builder.Configuration.GetSection(InfoPlatformOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var connectionString = builder.Configuration.GetConnectionString("redis")
                ?? throw new InvalidOperationException("ConnectionStrings:redis is not set (e.g. ConnectionStrings__redis=localhost:6379).");
            var redis = ConfigurationOptions.Parse(connectionString);
            redis.AbortOnConnectFail = false;
            redis.ClientName ??= appId;
            return ConnectionMultiplexer.Connect(redis);
        });
        builder.Services.AddSingleton<PlatformCopy>();
        builder.Services.AddSingleton<PublicationEventHandler>();
        builder.Services.AddHttpClient(ExportVerifier.HttpClientName);
        builder.Services.AddSingleton<ExportVerifier>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ExportVerifier>());
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));

        // Only when no daprd is configured: the stand-in that reads the Redis streams itself.
        builder.AddSidecarStandIn(appId);

        var app = builder.Build();

        // daprd posts structured CloudEvents; the middleware hands the route the event's data and forwards the
        // envelope's attributes as headers (Cloudevent.id, Cloudevent.type, …).
        app.UseCloudEvents(new CloudEventsMiddlewareOptions
        {
            ForwardCloudEventPropertiesAsHeaders = true,
            IncludedCloudEventPropertiesAsHeaders = ["id", "type", "source", "subject", "time"],
        });
        app.UseWhen(context => IsDaprdPath(context.Request.Path), branch => branch.Use(RequireAppApiToken(app.Configuration["APP_API_TOKEN"])));

        app.MapSubscribeHandler();
        app.MapPost(EventRoute, PublicationEventsEndpoint.HandleAsync)
            .WithTopic(new TopicOptions
            {
                PubsubName = PublicationEventTypes.PubsubName,
                Name = PublicationEventTypes.Topic,
                DeadLetterTopic = PublicationEventTypes.DeadLetterTopic,
            });

        app.MapGet("/", PlatformPage.RenderAsync);
        app.MapGet("/api/publicity", async (PlatformCopy copy) => Results.Ok(await copy.ListPublicityAsync()));
        app.MapGet("/api/directory", async (PlatformCopy copy) => Results.Ok(await copy.ListBatchesAsync()));
        app.MapGet("/api/directory/{batchId}", DirectoryApi.LatestAsync);
        app.MapGet("/api/directory/{batchId}/versions/{version:int}", DirectoryApi.VersionAsync);
        app.MapHealthChecks("/health");
        return app;
    }

    private static bool IsDaprdPath(PathString path) =>
        path.StartsWithSegments("/dapr", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/events", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// With <c>APP_API_TOKEN</c> set (daprd reads the same variable and sends it as <c>dapr-api-token</c>), only the
    /// sidecar reaches the subscription routes, so no one else can post events into the copy.
    /// </summary>
    private static Func<HttpContext, RequestDelegate, Task> RequireAppApiToken(string? token) => (context, next) =>
    {
        if (string.IsNullOrEmpty(token))
        {
            return next(context);
        }

        var sent = Encoding.UTF8.GetBytes(context.Request.Headers["dapr-api-token"].ToString());
        if (CryptographicOperations.FixedTimeEquals(sent, Encoding.UTF8.GetBytes(token)))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    };

    private sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var latency = await redis.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms");
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("Redis does not answer", e);
            }
        }
    }
}
