using Pilot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Pilot.EventBus.Tests.Support;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.EventBus.Tests.Redis;

public sealed class ConditionalCommitTests(RedisServerFixture redis)
{
    private readonly IDatabase _db = redis.Database;

    [Fact]
    public async Task Writes_and_appends_the_event_only_when_every_condition_holds()
    {
        var prefix = "commit:" + Guid.NewGuid().ToString("N");
        await _db.StringSetAsync(prefix + ":string", "seen");
        await _db.HashSetAsync(prefix + ":hash", "version", 3);
        using var host = TestBus.Build(redis, TestBus.NewAppId("commit"));
        var outbox = host.Services.GetRequiredService<IEventOutbox>();
        var topic = prefix + ":topic";

        async Task<bool> CommitAsync(string expectedString, int expectedVersion)
        {
            var commit = new ConditionalCommit();
            commit.Absent(prefix + ":absent");
            commit.StringEquals(prefix + ":string", expectedString);
            commit.HashFieldEquals(prefix + ":hash", "version", expectedVersion);
            commit.StringSet(prefix + ":written", "yes");
            commit.Append(outbox.Prepare(topic, "pilot.test.committed.v1", new { key = "K" }, "fixed-id"));
            return await commit.ExecuteAsync(_db);
        }

        Assert.False(await CommitAsync("changed", 3));
        Assert.False(await CommitAsync("seen", 4));
        Assert.False(await _db.KeyExistsAsync(prefix + ":written"));
        Assert.Equal(0, await _db.StreamLengthAsync(topic));

        Assert.True(await CommitAsync("seen", 3));
        Assert.Equal("yes", (string?)await _db.StringGetAsync(prefix + ":written"));
        var entry = Assert.Single(await _db.StreamRangeAsync(topic));
        Assert.Contains("\"id\":\"fixed-id\"", entry["data"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_sets_an_absent_key_and_a_failed_claim_leaves_nothing_written()
    {
        var prefix = "claim:" + Guid.NewGuid().ToString("N");
        await _db.StringSetAsync(prefix + ":taken", "someone");

        async Task<bool> CommitAsync(string secondClaim)
        {
            var commit = new ConditionalCommit();
            commit.Claim(prefix + ":first", "mine", TimeSpan.FromMinutes(5));
            commit.Claim(prefix + secondClaim, new byte[] { 0, 1, 2, 255 });
            commit.HashSet(prefix + ":written", new HashEntry("a", "1"), new HashEntry("b", new byte[] { 0, 10, 13 }));
            return await commit.ExecuteAsync(_db);
        }

        Assert.False(await CommitAsync(":taken"));
        Assert.False(await _db.KeyExistsAsync(prefix + ":first"));
        Assert.False(await _db.KeyExistsAsync(prefix + ":written"));
        Assert.Equal("someone", (string?)await _db.StringGetAsync(prefix + ":taken"));

        Assert.True(await CommitAsync(":second"));
        Assert.Equal("mine", (string?)await _db.StringGetAsync(prefix + ":first"));
        Assert.InRange((await _db.KeyTimeToLiveAsync(prefix + ":first"))!.Value, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
        Assert.Null(await _db.KeyTimeToLiveAsync(prefix + ":second"));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, (byte[]?)await _db.StringGetAsync(prefix + ":second"));
        Assert.Equal(new byte[] { 0, 10, 13 }, (byte[]?)await _db.HashGetAsync(prefix + ":written", "b"));

        Assert.False(await CommitAsync(":third"));
        Assert.False(await _db.KeyExistsAsync(prefix + ":third"));
    }
}
