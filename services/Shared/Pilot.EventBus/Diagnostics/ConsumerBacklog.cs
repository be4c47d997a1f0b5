namespace Pilot.EventBus.Diagnostics;

/// <summary>What XINFO GROUPS says about this app's consumer group on one topic, and how many of the topic's messages wait as dead letters.</summary>
internal sealed record ConsumerBacklog(string Topic, long Lag, long Pending, long DeadLetters)
{
    public long Total => Lag + Pending;
}
