using Pilot.EventBus.Redis;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.EventBus.Tests.Redis;

/// <summary>The consumer's raw XREADGROUP reply is read whichever protocol the connection string asks for.</summary>
public sealed class XReadGroupCommandTests(RedisServerFixture redis)
{
    [Theory]
    [InlineData("resp2")]
    [InlineData("resp3")]
    public async Task Entries_of_two_topics_are_read_with_their_data_and_metadata(string protocol)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync($"{redis.ConnectionString},protocol={protocol}");
        var db = connection.GetDatabase();
        var suffix = Guid.NewGuid().ToString("N");
        string[] topics = [$"xread-a-{suffix}", $"xread-b-{suffix}"];
        foreach (var topic in topics)
        {
            await db.StreamCreateConsumerGroupAsync(topic, "app", "0", createStream: true);
        }

        var first = await db.StreamAddAsync(topics[0], [new NameValueEntry(StreamFields.Data, "{\"id\":\"1\"}"), new NameValueEntry(StreamFields.Metadata, "{\"k\":\"v\"}")]);
        var second = await db.StreamAddAsync(topics[1], [new NameValueEntry(StreamFields.Data, "{\"id\":\"2\"}")]);

        var reply = await db.ExecuteAsync("XREADGROUP", XReadGroupCommand.Arguments("app", "c1", 10, TimeSpan.FromMilliseconds(100), topics));
        var entries = XReadGroupCommand.Parse(reply);

        Assert.Equal(protocol == "resp3" ? ResultType.Map : ResultType.Array, reply.Resp3Type);
        Assert.Collection(
            entries.OrderBy(e => e.Topic, StringComparer.Ordinal),
            a =>
            {
                Assert.Equal((topics[0], first.ToString(), "{\"id\":\"1\"}", "{\"k\":\"v\"}"), (a.Topic, a.Id.ToString(), a.Data.ToString(), a.Metadata.ToString()));
            },
            b =>
            {
                Assert.Equal((topics[1], second.ToString(), "{\"id\":\"2\"}"), (b.Topic, b.Id.ToString(), b.Data.ToString()));
                Assert.True(b.Metadata.IsNull);
            });
        await db.KeyDeleteAsync([.. topics.Select(t => (RedisKey)t)]);
    }
}
