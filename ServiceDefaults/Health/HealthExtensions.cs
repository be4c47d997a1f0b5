using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Pilot.ServiceDefaults.Redis;

namespace Pilot.ServiceDefaults.Health;

public static class HealthExtensions
{
    /// <summary>Tag of the checks that only say the process is up (used by <c>/alive</c>).</summary>
    public const string LiveTag = "live";

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        // A check of a dependency that does not answer (Redis killed) is cut off after the Redis timeout and reported
        // Unhealthy, so /health says 503 within about that time instead of waiting on the client's own retries.
        var timeout = TimeSpan.FromMilliseconds(builder.Configuration.GetValue<int?>(RedisClientExtensions.TimeoutKey) ?? 1500);
        builder.Services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations)
            {
                if (registration.Timeout == System.Threading.Timeout.InfiniteTimeSpan || registration.Timeout > timeout)
                {
                    registration.Timeout = timeout;
                }
            }
        });
        return builder;
    }

    /// <summary>
    /// <c>/health</c>: every check must pass (readiness, used by the AppHost's WaitFor);
    /// <c>/alive</c>: only liveness checks. Both answer anonymously with a JSON body listing each check,
    /// so an operator sees which dependency is degraded.
    /// </summary>
    public static WebApplication MapPilotHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(LiveTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        return app;
    }
}
