using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pilot.AppHost.Resources;

public static class RedisServerExtensions
{
    public const string Executable = "redis-server";

    /// <summary>
    /// When Redis syncs its append-only file to disk (<c>Pilot:Redis:AppendFsync</c>): <c>everysec</c> (default) loses at
    /// most about the last second of acknowledged writes if the machine itself crashes or loses power (a killed Redis
    /// or service loses nothing: the file is in the OS's cache); <c>always</c> loses none, at the price of one disk sync
    /// per write. README.md, "Processes that die".
    /// </summary>
    public const string AppendFsyncKey = "Pilot:Redis:AppendFsync";

    /// <summary>
    /// Adds a persistent <c>redis-server</c>: append-only file on, data in <paramref name="dataDirectory"/>
    /// so that a restart keeps what was written. Refuses at once when the binary is missing, because
    /// the dashboard alone would only show "Failed to start".
    /// </summary>
    public static IResourceBuilder<RedisServerResource> AddRedisServer(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory)
    {
        var appendFsync = builder.Configuration[AppendFsyncKey] is { Length: > 0 } configured ? configured : "everysec";
        if (appendFsync is not ("always" or "everysec" or "no"))
        {
            throw new InvalidOperationException($"{AppendFsyncKey} must be always, everysec or no, not '{appendFsync}'");
        }

        if (ExecutableLocator.Find(Executable) is null)
        {
            throw new MissingPrerequisiteException(
                $"{Executable} is not on PATH: install it with 'sudo apt-get install -y redis-server' (Debian/Ubuntu) and run again.");
        }

        Directory.CreateDirectory(dataDirectory);
        var resource = new RedisServerResource(name, dataDirectory);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(resource, async (_, cancellationToken) =>
        {
            connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken).ConfigureAwait(false);
        });

        var healthCheckKey = $"{name}-ping";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey,
            _ => new RedisPingHealthCheck(() => connectionString),
            failureStatus: HealthStatus.Unhealthy,
            tags: null));

        return builder.AddResource(resource)
            .WithEndpoint(name: RedisServerResource.EndpointName, scheme: "tcp")
            .WithArgs(context =>
            {
                context.Args.Add("--port");
                context.Args.Add(resource.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--bind");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--dir");
                context.Args.Add(dataDirectory);
                context.Args.Add("--appendonly");
                context.Args.Add("yes");
                context.Args.Add("--appendfsync");
                context.Args.Add(appendFsync);
                context.Args.Add("--daemonize");
                context.Args.Add("no");
            })
            .WithHealthCheck(healthCheckKey);
    }
}
