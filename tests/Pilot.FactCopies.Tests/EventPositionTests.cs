using Pilot.EventBus;

namespace Pilot.FactCopies.Tests;

public sealed class EventPositionTests
{
    [Fact]
    public void A_later_time_is_after_an_earlier_one_whatever_the_ids()
    {
        var earlier = Position("2026-03-02T01:00:00.1234566Z", "z");
        var later = Position("2026-03-02T01:00:00.1234567Z", "a");

        Assert.True(later.IsAfter(earlier));
        Assert.False(earlier.IsAfter(later));
    }

    [Fact]
    public void Times_are_compared_as_instants_and_equal_ones_are_ordered_by_id()
    {
        var utc = Position("2026-03-02T01:00:00Z", "a");
        var beijing = Position("2026-03-02T09:00:00+08:00", "b");

        Assert.True(beijing.IsAfter(utc));
        Assert.False(utc.IsAfter(beijing));
        Assert.False(utc.IsAfter(utc));
    }

    [Fact]
    public void Daprds_nanosecond_times_are_read_to_100_ns()
    {
        var position = Position("2025-01-02T03:04:05.123456789Z", "a");

        Assert.Equal(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567).UtcTicks, position.Time.UtcTicks, tolerance: 1);
    }

    [Fact]
    public void The_stored_time_reads_back_as_the_same_position()
    {
        var position = Position("2026-03-02T09:00:00.5+08:00", "e-1");

        Assert.Equal("2026-03-02T01:00:00.5000000Z", position.TimeText);
        Assert.Equal(position, EventPosition.Read(position.TimeText, position.EventId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    public void An_event_without_a_readable_time_is_poison(string time)
    {
        Assert.Throws<PoisonEventException>(() => Position(time, "e-1"));
    }

    private static EventPosition Position(string time, string id) => EventPosition.Of(new CloudEventEnvelope
    {
        Id = id,
        Source = "registry",
        Type = "pilot.registry.branch-changed.v1",
        Topic = PilotTopics.Registry,
        PubsubName = "pubsub",
        Time = time,
    });
}
