using StackExchange.Redis;

namespace Pilot.InfoPlatform.Tests.Support;

/// <summary>
/// A Redis database (1–15) of one test class, emptied before each test: xunit makes an instance per test, so the
/// number is kept per class.
/// </summary>
public sealed class TestDatabase
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, int> s_numbers = new();
    private static int s_next;

    private TestDatabase(RedisServerFixture redis, int number)
    {
        Redis = redis;
        Number = number;
    }

    public static TestDatabase For<TTestClass>(RedisServerFixture redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        var number = s_numbers.GetOrAdd(typeof(TTestClass), _ => Interlocked.Increment(ref s_next));
        return number <= 15
            ? new TestDatabase(redis, number)
            : throw new InvalidOperationException("More test classes than Redis databases: give one a database it shares with nothing running at once.");
    }

    public int Number { get; }

    public RedisServerFixture Redis { get; }

    /// <summary>The connection string the app under test gets, pointing at this database.</summary>
    public string ConnectionString => $"{Redis.ConnectionString},defaultDatabase={Number}";

    public IDatabase Db => Redis.Multiplexer.GetDatabase(Number);

    public Task FlushAsync() => Db.ExecuteAsync("FLUSHDB");

    /// <summary>Entries of the topic delivered to the group and not yet acknowledged (0 when the group does not exist).</summary>
    public async Task<long> PendingAsync(string topic, string group)
    {
        try
        {
            return (await Db.StreamPendingAsync(topic, group)).PendingMessageCount;
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
        {
            return 0;
        }
    }

    /// <summary>Whether every entry of the topic was read by the group and acknowledged.</summary>
    public async Task<bool> AllAcknowledgedAsync(string topic, string group)
    {
        var length = await Db.StreamLengthAsync(topic);
        if (length == 0)
        {
            return true;
        }

        try
        {
            var info = (await Db.StreamGroupInfoAsync(topic)).SingleOrDefault(g => g.Name == group);
            var last = (await Db.StreamRangeAsync(topic, "-", "+", 1, Order.Descending)).Single().Id.ToString();
            return info.Name == group && info.LastDeliveredId == last && info.PendingMessageCount == 0;
        }
        catch (RedisServerException)
        {
            return false;
        }
    }
}
