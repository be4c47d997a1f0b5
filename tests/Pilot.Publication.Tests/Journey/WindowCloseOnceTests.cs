using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pilot.Scheduling;
using Pilot.Testing;
using Pilot.Testing.Services;
using StackExchange.Redis;

namespace Pilot.Publication.Tests.Journey;

/// <summary>
/// A window closes exactly once with two replicas running, and also when no replica ran at its closing instant: the
/// schedule is in Redis, so the next start catches up. Both on clocks the test moves.
/// </summary>
public sealed class WindowCloseOnceTests : IAsyncLifetime
{
    private RedisServer? redis;
    private ConnectionMultiplexer? connection;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset AfterWindow = new(2020, 10, 21, 0, 0, 1, TimeSpan.FromHours(8));

    public async ValueTask InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        if (redis is not null)
        {
            await redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_replicas_passing_at_once_close_a_window_once()
    {
        await using var first = new Replica(redis!.ConnectionString);
        await using var second = new Replica(redis.ConnectionString);
        _ = first.Server;
        _ = second.Server;
        var entryId = await AcceptAsync("br-twice");

        first.Clock.SetUtcNow(AfterWindow);
        second.Clock.SetUtcNow(AfterWindow);
        // Moving the clocks wakes both replicas' pollers too: up to six passes race for the two due windows.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? first : second).Services.GetRequiredService<IScheduledJobRunner>().RunDueAsync(Ct)));
        await UntilPassedAsync(entryId);
        await first.Services.GetRequiredService<IScheduledJobRunner>().RunDueAsync(Ct);
        await second.Services.GetRequiredService<IScheduledJobRunner>().RunDueAsync(Ct);

        Assert.Equal(1, await ConcludedCountAsync(entryId));
        Assert.False(await connection!.GetDatabase().KeyExistsAsync($"publication:jobs:job:close-window:{entryId}"));
    }

    [Fact]
    public async Task A_window_whose_instant_passed_while_no_replica_ran_closes_at_the_next_start()
    {
        string entryId;
        await using (var before = new Replica(redis!.ConnectionString))
        {
            _ = before.Server;
            entryId = await AcceptAsync("br-restart");
        }

        Assert.Equal(0, await ConcludedCountAsync(entryId));
        await using var after = new Replica(redis.ConnectionString);
        _ = after.Server;
        after.Clock.SetUtcNow(AfterWindow);
        await after.Services.GetRequiredService<IScheduledJobRunner>().RunDueAsync(Ct);

        await UntilPassedAsync(entryId);
        Assert.Equal(1, await ConcludedCountAsync(entryId));
    }

    private async Task<string> AcceptAsync(string branchId)
    {
        var database = connection!.GetDatabase();
        var accepted = CloudEvents.FilingAccepted("2020-8", branchId, "org-" + branchId, "110000", "北京市", "京人社备〔2020〕009号", new DateTimeOffset(2020, 10, 13, 15, 0, 0, TimeSpan.FromHours(8)));
        await database.StreamAddAsync("filing-events", [new NameValueEntry("data", accepted)]);
        var entryId = $"branch~2020-8~{branchId}";
        await Eventually.HoldsAsync(() => database.KeyExistsAsync($"publication:jobs:job:close-window:{entryId}"), "the window's close was scheduled");
        return entryId;
    }

    private Task UntilPassedAsync(string entryId) =>
        Eventually.HoldsAsync(async () => (string?)await connection!.GetDatabase().HashGetAsync("publication:publicity:" + entryId, "status") == "Passed", "the window closed");

    private async Task<int> ConcludedCountAsync(string entryId) =>
        (await connection!.GetDatabase().StreamRangeAsync("publication-events", "-", "+"))
            .Select(entry => JsonNode.Parse(entry["data"].ToString())!)
            .Count(envelope => (string?)envelope["type"] == "pilot.publication.publicity-concluded.v1" && (string?)envelope["data"]!["entryId"] == entryId);

    /// <summary>One replica of the service on the shared redis-server, with a clock of its own.</summary>
    private sealed class Replica(string redisConnectionString) : ServiceFactory<Program>(redisConnectionString)
    {
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2020, 10, 15, 10, 0, 0, TimeSpan.FromHours(8)));

        protected override void ConfigureService(IWebHostBuilder builder)
        {
            builder.UseSetting("Pilot:Scheduling:PollInterval", "01:00:00");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
