using Pilot.Samples.InfoPlatform.SidecarStandIn;

namespace Pilot.InfoPlatform.Tests;

public sealed class DaprSubscriptionsTests
{
    [Fact]
    public void Reads_routes_dead_letter_topics_and_routing_rules_default_or_first_path()
    {
        var subscriptions = DaprSubscriptions.Parse("""
            [
              {"topic":"a","pubsubName":"pubsub","route":"events/a","deadLetterTopic":"a-deadletter"},
              {"topic":"b","pubsubname":"pubsub","routes":{"rules":[{"match":"event.type == 'x'","path":"/b/x"}],"default":"/b"}},
              {"topic":"c","pubsubName":"other","routes":{"rules":[{"match":"event.type == 'y'","path":"/c/y"}]}},
              {"topic":"d","pubsubName":"pubsub"}
            ]
            """);
        Assert.Equal(
            [
                new DaprSubscription("pubsub", "a", "events/a", "a-deadletter"),
                new DaprSubscription("pubsub", "b", "/b", null),
                new DaprSubscription("other", "c", "/c/y", null),
            ],
            subscriptions);
    }

    [Fact]
    public void Retry_delays_double_from_the_initial_delay_up_to_the_maximum()
    {
        var options = new StandInOptions { InitialRetryDelay = TimeSpan.FromMilliseconds(500), MaxRetryDelay = TimeSpan.FromSeconds(3) };
        Assert.Equal(
            [500, 1000, 2000, 3000, 3000],
            Enumerable.Range(1, 5).Select(n => options.RetryDelay(n).TotalMilliseconds));
    }
}
