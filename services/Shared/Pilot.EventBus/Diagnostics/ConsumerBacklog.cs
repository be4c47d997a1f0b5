namespace Pilot.EventBus.Diagnostics;

/// <summary>What XINFO GROUPS says about this app's consumer group on one topic.</summary>
internal sealed record ConsumerBacklog(string Topic, long Lag, long Pending)
{
    public long Total => Lag + Pending;
}
