using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pilot.ServiceDefaults.Grpc;
using Pilot.ServiceDefaults.Grpc.Input;
using Pilot.ServiceDefaults.Health;
using Pilot.ServiceDefaults.Security;
using Pilot.ServiceDefaults.Telemetry;

namespace Pilot.ServiceDefaults;

/// <summary>
/// What every Pilot service has in common: telemetry to the dashboard, health, service discovery,
/// resilient outgoing calls, token authentication and the gRPC error mapping.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>256 KiB: the largest valid request (an organisation with 500 occupations) is well under 100 KiB.</summary>
    public const int DefaultMaxReceiveMessageBytes = 256 * 1024;

    /// <summary>4 MiB: the largest answer is a page of records.</summary>
    public const int DefaultMaxSendMessageBytes = 4 * 1024 * 1024;

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigurePilotTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddPilotAuthentication();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddServiceDiscovery();
        });

        // Message sizes are set on purpose: a request larger than any valid one is refused (RESOURCE_EXHAUSTED) before
        // it is read; Filing raises the receive limit for its 1 MiB upload chunks (docs/architecture.md, "Input limits").
        var receiveLimit = builder.Configuration.GetValue("Pilot:Grpc:MaxReceiveMessageBytes", DefaultMaxReceiveMessageBytes);
        var sendLimit = builder.Configuration.GetValue("Pilot:Grpc:MaxSendMessageBytes", DefaultMaxSendMessageBytes);
        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<DomainExceptionInterceptor>();
            options.EnableDetailedErrors = builder.Environment.IsDevelopment();
            options.MaxReceiveMessageSize = receiveLimit;
            options.MaxSendMessageSize = sendLimit;
        });
        builder.Services.AddCheckedRequestReading();
        builder.Services.AddInputLimits(CommonInputLimits.Create());
        builder.Services.AddGrpcHealthChecks();
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddGrpcReflection();
        }

        return builder;
    }

    /// <summary>
    /// Health over HTTP (<c>/health</c>, <c>/alive</c>) and gRPC (<c>grpc.health.v1</c>), the caller
    /// identity service, and reflection in Development. All of these are deliberately public.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapPilotHealthEndpoints();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcService<IdentityService>();
        if (app.Environment.IsDevelopment())
        {
            app.MapGrpcReflectionService().AllowAnonymous();
        }

        return app;
    }
}
