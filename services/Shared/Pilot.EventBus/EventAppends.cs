using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.EventBus;

/// <summary>Events join a state change as stream appends, written exactly as daprd's component would write them.</summary>
public static class EventAppends
{
    /// <summary>Appends an event from <see cref="IEventOutbox.Prepare"/>; it counts as published once the writes commit.</summary>
    public static void Append(this IStateWrites writes, PreparedEvent evt)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(evt);
        writes.StreamAdd(evt.Stream, evt.MaxLength, new NameValueEntry(Redis.StreamFields.Data, evt.Data));
        writes.OnCommitted(evt.Committed);
    }
}
