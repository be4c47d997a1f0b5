using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.EventBus.Tests.Support;

/// <summary>Builds a host with the real bus wiring and timings shrunk from minutes to milliseconds.</summary>
internal static class TestBus
{
    public static string NewAppId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static void Fast(EventBusOptions options)
    {
        options.ReadBlockTime = TimeSpan.FromMilliseconds(100);
        options.ProcessingTimeout = TimeSpan.FromMilliseconds(200);
        options.ClaimInterval = TimeSpan.FromMilliseconds(50);
        options.RetryBackoffMultiplier = 1.5;
        options.MonitorInterval = TimeSpan.FromMilliseconds(100);
        options.RelayPollInterval = TimeSpan.FromMilliseconds(100);
    }

    public static IHost Build(
        RedisServerFixture redis,
        string appId,
        Action<IServiceCollection>? services = null,
        Action<EventBusOptions>? options = null) => Build(redis.Multiplexer, appId, services, options);

    public static IHost Build(
        IConnectionMultiplexer redis,
        string appId,
        Action<IServiceCollection>? services = null,
        Action<EventBusOptions>? options = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(redis);
        builder.AddPilotEventBus(appId, o =>
        {
            Fast(o);
            options?.Invoke(o);
        });
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Registers a scripted <see cref="CountingHandler{TEvent}"/> and returns its probe.</summary>
    public static HandlerProbe AddCountingHandler<TEvent>(this IServiceCollection services, string appId)
        where TEvent : IIntegrationEvent, ITestEvent =>
        services.AddProbedHandler<TEvent, CountingHandler<TEvent>>($"{appId}:counts");

    /// <summary>Registers a test's own handler with a probe whose state lives under <paramref name="stateKey"/>.</summary>
    public static HandlerProbe AddProbedHandler<TEvent, THandler>(this IServiceCollection services, string stateKey)
        where TEvent : IIntegrationEvent
        where THandler : class, IEventHandler<TEvent>
    {
        var probe = new HandlerProbe(stateKey);
        services.AddSingleton(probe);
        services.AddEventHandler<TEvent, THandler>();
        return probe;
    }
}
