using Microsoft.Extensions.Configuration;
using Pilot.AppHost.Resources;

namespace Pilot.AppHost;

internal static class PilotServiceExtensions
{
    /// <summary>
    /// A Pilot service with two plain-text endpoints on fixed, documented ports: <c>grpc</c>
    /// (HTTP/2 only, prior knowledge) and <c>http</c> (HTTP/1.1 for health and Dapr). Kestrel is
    /// told about each endpoint itself, because without TLS one endpoint cannot speak both.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddPilotService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<RedisServerResource> redis,
        PilotStateFolder state)
        where TProject : IProjectMetadata, new()
    {
        var grpcPort = builder.Configuration.GetValue<int>($"Pilot:Ports:{name}:grpc");
        var httpPort = builder.Configuration.GetValue<int>($"Pilot:Ports:{name}:http");
        if (grpcPort == 0 || httpPort == 0)
        {
            throw new InvalidOperationException($"Pilot:Ports:{name}:grpc and :http must be set (AppHost/appsettings.json).");
        }

        return builder.AddProject<TProject>(name, launchProfileName: null)
            .WithEndpoint(port: grpcPort, scheme: "http", name: "grpc", isProxied: false)
            .WithEndpoint("grpc", endpoint => endpoint.Transport = "http2")
            .WithHttpEndpoint(port: httpPort, name: "http", isProxied: false)
            .WithEndpointsInEnvironment(_ => false)
            .WithEnvironment("Kestrel__Endpoints__grpc__Url", "http://localhost:" + grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("Kestrel__Endpoints__grpc__Protocols", "Http2")
            .WithEnvironment("Kestrel__Endpoints__http__Url", "http://localhost:" + httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("Kestrel__Endpoints__http__Protocols", "Http1")
            .WithEnvironment("Pilot__AppId", name)
            // The services run in the AppHost's environment: a local run is Development (reflection, detailed errors).
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("Pilot__Auth__SigningKeyFile", state.SigningKeyFile)
            // A stopped dashboard must not hold up shutdown with exporter retries.
            .WithEnvironment("OTEL_EXPORTER_OTLP_TIMEOUT", "1000")
            .WithHttpHealthCheck("/health", endpointName: "http")
            .WithReference(redis)
            .WaitFor(redis);
    }
}
