using StackExchange.Redis;

namespace Pilot.Testing;

/// <summary>
/// One real Redis shared by a whole test assembly: register it with
/// <c>[assembly: AssemblyFixture(typeof(RedisServerFixture))]</c> and take it in a test class constructor.
/// Tests run in parallel against it, so each test should use keys of its own rather than FLUSHALL.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private RedisServer? _server;
    private ConnectionMultiplexer? _multiplexer;

    public RedisServer Server => _server ?? throw NotStarted();

    public string ConnectionString => Server.ConnectionString;

    /// <summary>Admin commands allowed, so tests can FLUSHALL or inspect the server.</summary>
    public ConnectionMultiplexer Multiplexer => _multiplexer ?? throw NotStarted();

    public IDatabase Database => Multiplexer.GetDatabase();

    public async ValueTask InitializeAsync()
    {
        _server = await RedisServer.StartAsync();
        _multiplexer = await ConnectAsync();
    }

    /// <summary>A new connection of its own, for code under test that disposes what it is given.</summary>
    public Task<ConnectionMultiplexer> ConnectAsync() =>
        ConnectionMultiplexer.ConnectAsync($"{ConnectionString},allowAdmin=true,abortConnect=false");

    public Task FlushAllAsync() => Multiplexer.GetServer(Multiplexer.GetEndPoints()[0]).FlushAllDatabasesAsync();

    /// <summary>Kills Redis and starts it again (empty: nothing is persisted); existing connections reconnect.</summary>
    public async Task RestartAsync()
    {
        Server.Kill();
        await Server.RestartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is not null)
        {
            await _multiplexer.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static InvalidOperationException NotStarted() => new("The Redis fixture has not been initialized.");
}
