using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pilot.Testing.Services;

namespace Pilot.Publication.Tests.Journey;

/// <summary>
/// The Publication service in process on its own redis-server, on a clock the test moves: windows close when the test
/// runs the scheduler's pass, never by waiting.
/// </summary>
public class JourneyFactory : RedisServiceFactory<Program>
{
    /// <summary>Two days into the windows of acceptances made on 13 October 2020.</summary>
    public static readonly DateTimeOffset Start = new(2020, 10, 15, 10, 0, 0, TimeSpan.FromHours(8));

    public FakeTimeProvider Clock { get; } = new(Start);

    protected virtual int ObjectionsPerMinute => 1000;

    protected override void ConfigureService(IWebHostBuilder builder)
    {
        builder.UseSetting("Pilot:Publication:ObjectionsPerMinute", ObjectionsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Pilot:Scheduling:PollInterval", "01:00:00");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
