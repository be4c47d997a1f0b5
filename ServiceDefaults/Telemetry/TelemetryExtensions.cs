using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Pilot.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Activity sources and meters of Pilot's own code; each service adds its own name too.</summary>
    public const string PilotSourcePrefix = "Pilot.*";

    private static readonly string[] UnsampledPaths = ["/health", "/alive", "/grpc.health.v1.Health"];

    public static TBuilder ConfigurePilotTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(PilotSourcePrefix))
            .WithTracing(tracing => tracing
                .SetSampler(new BackgroundRootSampler())
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(PilotSourcePrefix)
                .AddAspNetCoreInstrumentation(options => options.Filter = IsSampled)
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation(options =>
                    options.FilterHttpRequestMessage = request =>
                        request.RequestUri is null || !UnsampledPaths.Any(p => request.RequestUri.AbsolutePath.StartsWith(p, StringComparison.Ordinal))));

        // The dashboard (or a collector in production) is named by the standard OTLP variable.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    // Health probes every few seconds would drown the traces an operator is looking for.
    private static bool IsSampled(HttpContext context) =>
        !UnsampledPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.Ordinal));
}
