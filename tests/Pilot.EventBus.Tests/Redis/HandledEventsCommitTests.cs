using Pilot.Storage;
using Pilot.EventBus.Consuming;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.EventBus.Tests.Redis;

public sealed class HandledEventsCommitTests(RedisServerFixture redis)
{
    private readonly IDatabase _db = redis.Database;

    [Fact]
    public async Task Each_new_event_commits_with_its_marker_a_handled_one_is_skipped_and_the_acknowledgements_land_anyway()
    {
        var prefix = "handled:" + Guid.NewGuid().ToString("N");
        await _db.StringSetAsync(prefix + ":marker-2", "1");
        var commit = new HandledEventsCommit(TimeSpan.FromDays(7));
        foreach (var n in new[] { 1, 2, 3 })
        {
            var writes = commit.Add($"{prefix}:marker-{n}");
            writes.HashIncrement(prefix + ":state", "count", n);
            writes.Claim($"{prefix}:claimed-{n}", n);
        }

        commit.Transport.StringSet(prefix + ":acked", "yes");

        var applied = await commit.ExecuteAsync(_db);

        Assert.NotNull(applied);
        Assert.Equal([true, false, true], applied);
        Assert.Equal(4, (long)await _db.HashGetAsync(prefix + ":state", "count"));
        Assert.False(await _db.KeyExistsAsync(prefix + ":claimed-2"));
        Assert.Equal(3, (long)await _db.StringGetAsync(prefix + ":claimed-3"));
        Assert.True(await _db.KeyExistsAsync(prefix + ":marker-3"));
        Assert.InRange((await _db.KeyTimeToLiveAsync(prefix + ":marker-1"))!.Value, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7));
        Assert.Equal("yes", (string?)await _db.StringGetAsync(prefix + ":acked"));
    }

    [Theory]
    [InlineData("condition")]
    [InlineData("claim")]
    public async Task A_handler_condition_that_fails_for_a_new_event_writes_nothing_at_all(string kind)
    {
        var prefix = "handled:" + Guid.NewGuid().ToString("N");
        await _db.StringSetAsync(prefix + ":version", "2");
        await _db.StringSetAsync(prefix + ":taken", "someone");
        var commit = new HandledEventsCommit(TimeSpan.FromDays(7));
        var first = commit.Add(prefix + ":marker-1");
        first.StringSet(prefix + ":first", "written");
        var second = commit.Add(prefix + ":marker-2");
        if (kind == "condition")
        {
            second.StringEquals(prefix + ":version", "1");
        }
        else
        {
            second.Claim(prefix + ":taken", "me");
        }

        commit.Transport.StringSet(prefix + ":acked", "yes");

        Assert.Null(await commit.ExecuteAsync(_db));
        Assert.False(await _db.KeyExistsAsync(prefix + ":first"));
        Assert.False(await _db.KeyExistsAsync(prefix + ":marker-1"));
        Assert.False(await _db.KeyExistsAsync(prefix + ":acked"));
        Assert.Equal("someone", (string?)await _db.StringGetAsync(prefix + ":taken"));
    }

    [Fact]
    public async Task A_handled_event_s_conditions_are_not_checked_and_it_does_not_stop_the_others()
    {
        var prefix = "handled:" + Guid.NewGuid().ToString("N");
        await _db.StringSetAsync(prefix + ":marker-1", "1");
        var commit = new HandledEventsCommit(TimeSpan.FromDays(7));
        var handledBefore = commit.Add(prefix + ":marker-1");
        handledBefore.StringEquals(prefix + ":version", "no longer true");
        handledBefore.StringSet(prefix + ":again", "written twice");
        var fresh = commit.Add(prefix + ":marker-2");
        fresh.Absent(prefix + ":absent");
        fresh.StringSet(prefix + ":new", "written");

        var applied = await commit.ExecuteAsync(_db);

        Assert.NotNull(applied);
        Assert.Equal([false, true], applied);
        Assert.False(await _db.KeyExistsAsync(prefix + ":again"));
        Assert.Equal("written", (string?)await _db.StringGetAsync(prefix + ":new"));
        Assert.True(await _db.KeyExistsAsync(prefix + ":marker-2"));
    }
}
