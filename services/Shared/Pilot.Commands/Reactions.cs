using Pilot.EventBus;
using Pilot.Scheduling;
using Pilot.Storage;

namespace Pilot.Commands;

/// <summary>
/// An event handler (or a scheduled job) decided the way a command is: load what the decision reads, let the domain decide, and hand the
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
        Apply(context.Writes, reads, decide(reads), (evt, _) => context.Publish(evt.Topic, evt.Type, evt.Data));
    }

    /// <summary>
    /// A scheduled job decided the same way; its writes commit with the job's completion, only while this runner holds
    /// the job, and its events are named after the job's run (<see cref="ScheduledJobContext{TJob}.EventId"/>).
    /// </summary>
    public static async Task RunAsync<TJob, TReads>(ScheduledJobContext<TJob> context, IEventOutbox outbox, Func<Task<TReads>> load, Func<TReads, Reaction> decide)
        where TReads : ICommandReads
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(decide);
        var reads = await load().ConfigureAwait(false);
        Apply(context.Writes, reads, decide(reads), (evt, index) => context.Writes.Append(outbox.Prepare(evt.Topic, evt.Type, evt.Data, context.EventId(index))));
    }

    private static void Apply<TReads>(IStateWrites writes, TReads reads, Reaction reaction, Action<OutgoingEvent, int> publish)
        where TReads : ICommandReads
    {
        if (reaction.Writes is null && reaction.Events.Count == 0)
        {
            return;
        }

        reads.AddConditions(writes);
        reaction.Writes?.Invoke(writes);
        for (var i = 0; i < reaction.Events.Count; i++)
        {
            publish(reaction.Events[i], i);
        }
    }
}
