using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using StackExchange.Redis;

namespace Pilot.EndToEnd.Tests;

[Collection(PilotAppFixture.Collection)]
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

        // Stop, see the process gone, then start: a restart in one step can race the old process
        // for the port while it is still writing its append-only file.
        var stop = await fixture.App.ResourceCommands.ExecuteCommandAsync("redis", "resource-stop", cancellation);
        Assert.True(stop.Success, stop.Message);
        await fixture.App.ResourceNotifications.WaitForResourceAsync(
            "redis", resource => KnownResourceStates.TerminalStates.Contains(resource.Snapshot.State?.Text), cancellation);
        var start = await fixture.App.ResourceCommands.ExecuteCommandAsync("redis", "resource-start", cancellation);
        Assert.True(start.Success, start.Message);
        await fixture.App.ResourceNotifications.WaitForResourceAsync(
            "redis", resource => resource.Snapshot.State?.Text == KnownResourceStates.Running && resource.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, cancellation);

        await using var after = await ConnectionMultiplexer.ConnectAsync(connectionString!);
        Assert.Equal("kept", (string?)await after.GetDatabase().StringGetAsync(key));
    }
}
