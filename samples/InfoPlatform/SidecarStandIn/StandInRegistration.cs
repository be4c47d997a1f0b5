using Microsoft.Extensions.Options;

namespace Pilot.Samples.InfoPlatform.SidecarStandIn;

public static class StandInRegistration
{
    /// <summary>
    /// Whether daprd is configured for this process: <c>dapr run</c> (and a Dapr-enabled host) sets
    /// <c>DAPR_HTTP_PORT</c> and <c>DAPR_GRPC_PORT</c>.
    /// </summary>
    public static bool DaprdConfigured(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["DAPR_HTTP_PORT"]) || !string.IsNullOrEmpty(configuration["DAPR_GRPC_PORT"]);

    /// <summary>
    /// Adds the sidecar stand-in when no daprd is configured (or when <c>InfoPlatform:StandIn:Enabled</c> says so).
    /// The app needs an <see cref="StackExchange.Redis.IConnectionMultiplexer"/> for the same Redis the publishers use.
    /// Returns whether it was added.
    /// </summary>
    public static bool AddSidecarStandIn(this IHostApplicationBuilder builder, string appId)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(StandInOptions.Section);
        var enabled = section.GetValue<bool?>(nameof(StandInOptions.Enabled)) ?? !DaprdConfigured(builder.Configuration);
        if (!enabled)
        {
            return false;
        }

        builder.Services.Configure<StandInOptions>(section);
        builder.Services.AddHttpClient(RedisStreamsSidecar.HttpClientName);
        builder.Services.AddSingleton(services => new StandInIdentity(
            appId,
            services.GetRequiredService<IOptions<StandInOptions>>().Value.ConsumerName is { Length: > 0 } name ? name : $"{Environment.MachineName}-{Environment.ProcessId}",
            builder.Configuration["APP_API_TOKEN"]));
        builder.Services.AddSingleton<RedisStreamsSidecar>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RedisStreamsSidecar>());
        return true;
    }
}
