using Microsoft.AspNetCore.Hosting;
using Pilot.Testing.Services;

namespace Pilot.Publication.Tests.Publicity;

/// <summary>The Publication service in process with its own redis-server, so its event consumer runs for real.</summary>
public class PublicityFactory : RedisServiceFactory<Program>
{
    protected override void ConfigureService(IWebHostBuilder builder)
    {
        // Windows of the 2020 acceptances these tests send closed long ago; only the window tests let them close.
        builder.UseSetting("Pilot:Scheduling:PollInterval", WindowPollInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        ConfigureEventBus(builder);
    }

    /// <summary>How often the service looks for windows due to close.</summary>
    protected virtual TimeSpan WindowPollInterval => TimeSpan.FromHours(1);

    /// <summary>Event bus settings a variant of the service adds (the transport, daprd's token).</summary>
    protected virtual void ConfigureEventBus(IWebHostBuilder builder)
    {
    }
}
