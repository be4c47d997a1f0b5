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
/// <c>publicity-concluded</c> is announced, or it waits for an objection's resolution.
/// </summary>
internal sealed class CloseWindowOnTime(PublicityStore store, IEventOutbox outbox) : IScheduledJobHandler<CloseWindow>
{
    public Task HandleAsync(ScheduledJobContext<CloseWindow> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Reactions.RunAsync(
            context,
            outbox,
            () => store.ReadAsync(context.Job.FilingId),
            reads => reads.Existing is { } publicity && PublicityClosing.Close(publicity, context.Now, unresolvedObjections: 0) is { } closed
                ? Reaction.Apply(
                    writes => PublicityStore.Update(writes, closed),
                    closed.Status is PublicityStatus.Passed or PublicityStatus.Withdrawn ? [new OutgoingEvent(PublicityConcluded.Topic, PublicityConcluded.EventType, PublicityConcluded.Of(closed))] : [])
                : Reaction.None);
    }
}
