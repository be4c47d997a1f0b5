using System.Globalization;
using Microsoft.Extensions.Configuration;
using Pilot.AppHost.Resources;

namespace Pilot.AppHost;

internal static class InfoPlatformResource
{
    /// <summary>
    /// The information platform's reference subscriber (<c>samples/InfoPlatform</c>) as resource <c>infoplatform</c>:
    /// one plain HTTP/1.1 endpoint on the fixed port <c>Pilot:Ports:infoplatform:http</c> (its page, JSON and
    /// <c>/health</c>), the same Redis as the services (its sidecar stand-in reads <c>publication-events</c> there with
    /// consumer group <c>infoplatform</c>), and Publication's HTTP endpoint to check each directory version's export.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddInfoPlatform(
        this IDistributedApplicationBuilder builder,
        IResourceBuilder<RedisServerResource> redis,
        IResourceBuilder<ProjectResource> publication)
    {
        var httpPort = builder.Configuration.GetValue<int>("Pilot:Ports:infoplatform:http");
        if (httpPort == 0)
        {
            throw new InvalidOperationException("Pilot:Ports:infoplatform:http must be set (AppHost/appsettings.json).");
        }

        return builder.AddProject<Projects.Pilot_Samples_InfoPlatform>("infoplatform", launchProfileName: null)
            .WithHttpEndpoint(port: httpPort, name: "http", isProxied: false)
            .WithEndpointsInEnvironment(_ => false)
            .WithEnvironment("Kestrel__Endpoints__http__Url", "http://localhost:" + httpPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("Kestrel__Endpoints__http__Protocols", "Http1")
            .WithEnvironment("Pilot__AppId", "infoplatform")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("InfoPlatform__PublicationUrl", publication.GetEndpoint("http"))
            .WithHttpHealthCheck("/health", endpointName: "http")
            .WithReference(redis)
            .WaitFor(redis);
    }
}
