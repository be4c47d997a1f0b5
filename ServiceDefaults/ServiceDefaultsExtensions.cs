using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pilot.ServiceDefaults.Grpc;
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

        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<DomainExceptionInterceptor>();
            options.EnableDetailedErrors = builder.Environment.IsDevelopment();
        });
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
