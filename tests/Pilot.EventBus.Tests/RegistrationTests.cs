using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pilot.EventBus.Consuming;
using Pilot.EventBus.Tests.Support;

namespace Pilot.EventBus.Tests;

public sealed class RegistrationTests
{
    [Theory]
    [InlineData("DAPR_GRPC_PORT", "50001", EventBusTransport.Dapr)]
    [InlineData("DAPR_GRPC_ENDPOINT", "http://127.0.0.1:50001", EventBusTransport.Dapr)]
    [InlineData("UNRELATED", "1", EventBusTransport.RedisStreams)]
    public void Transport_follows_the_daprd_address_in_the_environment(string key, string value, EventBusTransport expected)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(key, value)]);
        builder.AddPilotEventBus("filing");

        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<EventBusOptions>>().Value;

        Assert.Equal(expected, options.Transport);
        Assert.Equal("filing", options.AppId);
    }

    [Fact]
    public void Configuration_section_overrides_the_defaults()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(
        [
            new KeyValuePair<string, string?>("DAPR_GRPC_PORT", "50001"),
            new KeyValuePair<string, string?>("EventBus:Transport", "RedisStreams"),
            new KeyValuePair<string, string?>("EventBus:ProcessingTimeout", "00:00:05"),
        ]);
        builder.AddPilotEventBus("registry");

        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<EventBusOptions>>().Value;

        Assert.Equal(EventBusTransport.RedisStreams, options.Transport);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ProcessingTimeout);
    }

    [Fact]
    public void Two_handlers_for_one_event_type_are_rejected()
    {
        var services = new ServiceCollection();
        services.AddEventHandler<ParcelShipped, CountingHandler<ParcelShipped>>();
        services.AddEventHandler<ParcelShipped, OtherParcelHandler>();
        services.AddSingleton<SubscriptionRegistry>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<SubscriptionRegistry>());
        Assert.Contains(ParcelShipped.EventType, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retry_delay_grows_by_the_multiplier_and_stops_at_the_cap()
    {
        var options = new EventBusOptions
        {
            ProcessingTimeout = TimeSpan.FromSeconds(60),
            RetryBackoffMultiplier = 2,
            MaxRetryDelay = TimeSpan.FromMinutes(3),
        };

        Assert.Equal(TimeSpan.FromSeconds(60), options.RetryDelayAfter(1));
        Assert.Equal(TimeSpan.FromSeconds(120), options.RetryDelayAfter(2));
        Assert.Equal(TimeSpan.FromMinutes(3), options.RetryDelayAfter(3));
        Assert.Equal(TimeSpan.FromMinutes(3), options.RetryDelayAfter(30));
    }

    private sealed class OtherParcelHandler : IEventHandler<ParcelShipped>
    {
        public Task HandleAsync(EventContext<ParcelShipped> context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
