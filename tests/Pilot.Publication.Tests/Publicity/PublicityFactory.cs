using Microsoft.AspNetCore.Hosting;
using Pilot.Testing;
using Pilot.Testing.Services;
using StackExchange.Redis;

namespace Pilot.Publication.Tests.Publicity;

/// <summary>The Publication service in process with its own redis-server, so its event consumer runs for real.</summary>
public class PublicityFactory : ServiceFactory<Program>, IAsyncLifetime
{
    private RedisServer? redis;
    private ConnectionMultiplexer? multiplexer;

    public PublicityFactory()
        : base(redisConnectionString: null)
    {
    }

    public IDatabase Redis => (multiplexer ?? throw new InvalidOperationException("not started")).GetDatabase();

    public async ValueTask InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        multiplexer = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (multiplexer is not null)
        {
            await multiplexer.DisposeAsync();
        }

        if (redis is not null)
        {
            await redis.DisposeAsync();
        }
    }

    protected override void ConfigureService(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:redis", (redis ?? throw new InvalidOperationException("redis not started")).ConnectionString);
        ConfigureEventBus(builder);
    }

    /// <summary>Event bus settings a variant of the service adds (the transport, daprd's token).</summary>
    protected virtual void ConfigureEventBus(IWebHostBuilder builder)
    {
    }
}
