using Pilot.Commands;
using Pilot.EventBus;
using Pilot.Publication.Domain.Publicity;
using Pilot.Publication.IntegrationEvents;
using Pilot.Publication.Storage;
using Pilot.Scheduling;

namespace Pilot.Publication.Application;

/// <summary>
/// Ends a publicity window when its time comes, also when the service was down at that moment (the scheduler catches
/// up at start) and exactly once with several replicas (the scheduler's claim): the entry passes and
/// <c>publicity-concluded</c> is announced, or, with an objection unresolved, it waits for the resolution.
/// </summary>
internal sealed class CloseWindowOnTime(PublicityStore store, IEventOutbox outbox) : IScheduledJobHandler<CloseWindow>
{
    public Task HandleAsync(ScheduledJobContext<CloseWindow> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entryId = context.Job.EntryId;
        return Reactions.RunAsync(
            context,
            outbox,
            () => store.ReadAsync(entryId),
            reads => reads[entryId] is { } entry && PublicityClosing.Close(entry, context.Now) is { } closed
                ? Reaction.Apply(
                    writes => PublicityStore.Write(writes, closed),
                    closed.HasEnded ? [new OutgoingEvent(PublicityConcluded.Topic, PublicityConcluded.EventType, PublicityConcluded.Of(closed))] : [])
                : Reaction.None);
    }
}
