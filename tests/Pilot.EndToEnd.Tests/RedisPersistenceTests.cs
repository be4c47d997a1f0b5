using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using StackExchange.Redis;

namespace Pilot.EndToEnd.Tests;

public sealed class RedisPersistenceTests(PilotAppFixture fixture)
{
    [Fact]
    public async Task Data_written_before_a_redis_restart_is_there_after_it()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var connectionString = await fixture.App.GetConnectionStringAsync("redis", cancellation);
        var key = "e2e:persistence:" + Guid.NewGuid().ToString("N");
        await using (var before = await ConnectionMultiplexer.ConnectAsync(connectionString!))
        {
            await before.GetDatabase().StringSetAsync(key, "kept");
        }

        var restart = await fixture.App.ResourceCommands.ExecuteCommandAsync("redis", "resource-restart", cancellation);
        Assert.True(restart.Success, restart.Message);
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("redis", cancellation);

        await using var after = await ConnectionMultiplexer.ConnectAsync(connectionString!);
        Assert.Equal("kept", (string?)await after.GetDatabase().StringGetAsync(key));
    }
}
