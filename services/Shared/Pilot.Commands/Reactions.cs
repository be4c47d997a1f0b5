using Pilot.EventBus;

namespace Pilot.Commands;

/// <summary>
/// An event handler decided the way a command is: load what the decision reads, let the domain decide, and hand the
/// bus the conditions, writes and events, which it commits with the event's "handled" marker. The bus makes a
/// redelivered envelope change nothing; the reads make the handler idempotent by meaning as well (a decision that
/// finds its effect already there reacts with <see cref="Reaction.None"/>), and a read that changed before the
/// commit fails it, so the bus delivers the event again and it is decided again on fresh state.
/// </summary>
public static class Reactions
{
    public static async Task RunAsync<TEvent, TReads>(EventContext<TEvent> context, Func<Task<TReads>> load, Func<TReads, Reaction> decide)
        where TEvent : IIntegrationEvent
        where TReads : ICommandReads
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(decide);
        var reads = await load().ConfigureAwait(false);
        var reaction = decide(reads);
        if (reaction.Writes is null && reaction.Events.Count == 0)
        {
            return;
        }

        reads.AddConditions(context.Writes);
        reaction.Writes?.Invoke(context.Writes);
        foreach (var evt in reaction.Events)
        {
            context.Publish(evt.Topic, evt.Type, evt.Data);
        }
    }
}
