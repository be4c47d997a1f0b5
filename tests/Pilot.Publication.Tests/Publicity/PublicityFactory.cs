using Microsoft.AspNetCore.Hosting;
using Pilot.Testing.Services;

namespace Pilot.Publication.Tests.Publicity;

/// <summary>The Publication service in process with its own redis-server, so its event consumer runs for real.</summary>
public class PublicityFactory : RedisServiceFactory<Program>
{
    protected override void ConfigureService(IWebHostBuilder builder) => ConfigureEventBus(builder);

    /// <summary>Event bus settings a variant of the service adds (the transport, daprd's token).</summary>
    protected virtual void ConfigureEventBus(IWebHostBuilder builder)
    {
    }
}
