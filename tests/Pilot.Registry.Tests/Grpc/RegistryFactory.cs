using Microsoft.AspNetCore.Hosting;
using Pilot.Testing;
using Pilot.Testing.Services;

namespace Pilot.Registry.Tests.Grpc;

/// <summary>The Registry in process over its own throw-away redis-server, shared by a test class.</summary>
public sealed class RegistryFactory : ServiceFactory<Program>, IAsyncLifetime
{
    private RedisServer? redis;

    public RedisServer Redis => redis ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync() => redis = await RedisServer.StartAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (redis is not null)
        {
            await redis.DisposeAsync();
        }
    }

    protected override void ConfigureService(IWebHostBuilder builder) =>
        builder.UseSetting("ConnectionStrings:redis", Redis.ConnectionString);
}
