using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.Testing.Services;

/// <summary>
/// One Pilot service in process over a throw-away redis-server of its own (started before the service, removed
/// after it), with a connection of the test's for looking at what the service wrote.
/// </summary>
public class RedisServiceFactory<TProgram>() : ServiceFactory<TProgram>(redisConnectionString: null), IAsyncLifetime
    where TProgram : class
{
    private RedisServer? server;
    private ConnectionMultiplexer? multiplexer;

    public RedisServer RedisServer => server ?? throw new InvalidOperationException("not started");

    public IDatabase Redis => (multiplexer ?? throw new InvalidOperationException("not started")).GetDatabase();

    protected override string RedisConnectionString => RedisServer.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        server = await RedisServer.StartAsync();
        multiplexer = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (multiplexer is not null)
        {
            await multiplexer.DisposeAsync();
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
