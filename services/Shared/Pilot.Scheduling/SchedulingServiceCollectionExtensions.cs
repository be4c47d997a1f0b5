using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Pilot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the job scheduler and its runner (a hosted loop) for <paramref name="appId"/>, or for the
    /// <c>Pilot:Scheduling:AppId</c> setting when it is null. Needs an <c>IConnectionMultiplexer</c> in DI. The
    /// <c>Pilot:Scheduling</c> section, then <paramref name="configure"/>, can override any other option.
    /// </summary>
    public static IHostApplicationBuilder AddPilotScheduling(this IHostApplicationBuilder builder, string? appId = null, Action<SchedulingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SchedulingOptions>()
            .Bind(builder.Configuration.GetSection(SchedulingOptions.SectionName))
            .Configure(o =>
            {
                o.AppId = appId ?? o.AppId;
                configure?.Invoke(o);
            })
            .Validate(o => !string.IsNullOrWhiteSpace(o.AppId), "Pilot:Scheduling needs an AppId, from AddPilotScheduling(appId) or configuration.")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.Lease > TimeSpan.Zero, "Pilot:Scheduling PollInterval and Lease must be positive.")
            .Validate(o => o.MaxAttempts >= 1 && o.BatchSize >= 1 && o.Concurrency >= 1, "Pilot:Scheduling MaxAttempts, BatchSize and Concurrency must be at least 1.")
            .Validate(o => o.RetryDelay >= TimeSpan.Zero && o.MaxRetryDelay >= TimeSpan.Zero, "Pilot:Scheduling retry delays must not be negative.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<SchedulingTelemetry>();
        services.TryAddSingleton<ScheduledJobKinds>();
        services.TryAddSingleton<DueJobClaimer>();
        services.TryAddSingleton<JobOutcomes>();
        services.TryAddSingleton<IJobScheduler, RedisJobScheduler>();
        services.TryAddSingleton<ScheduledJobRunner>();
        services.TryAddSingleton<IScheduledJobRunner>(sp => sp.GetRequiredService<ScheduledJobRunner>());
        services.AddHostedService<ScheduledJobPolling>();
        return builder;
    }

    /// <summary>
    /// Registers <typeparamref name="THandler"/> for jobs of <typeparamref name="TJob"/>, stored under the kind
    /// <paramref name="kind"/>: the name, not the type, is what finds the handler, so keep it when renaming the type.
    /// The handler is resolved from a fresh scope for each attempt.
    /// </summary>
    public static IServiceCollection AddScheduledJob<TJob, THandler>(this IServiceCollection services, string kind)
        where THandler : class, IScheduledJobHandler<TJob>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        services.TryAddScoped<THandler>();
        services.AddSingleton<ScheduledJobKind>(new ScheduledJobKind<TJob, THandler>(kind));
        return services;
    }
}
