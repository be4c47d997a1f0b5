using Pilot.Commands;
using Pilot.EventBus;
using Pilot.Notification.IntegrationEvents;
using Pilot.Notification.Storage;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.Notification.Reminders;

/// <summary>No condition: the write restates the batch, so applying it twice changes nothing.</summary>
internal sealed class NoReads : ICommandReads
{
    public static readonly NoReads Instance = new();

    public void AddConditions(IStateWrites commit)
    {
    }
}

/// <summary>Keeps the open batches whose milestones the reminder sweep looks at.</summary>
internal sealed class RememberOpenedBatch : IEventHandler<BatchOpened>
{
    public Task HandleAsync(EventContext<BatchOpened> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var e = context.Event;
        if (string.IsNullOrWhiteSpace(e.BatchId))
        {
            throw new PoisonEventException($"batch-opened event {context.Envelope.Id} names no batch");
        }

        var milestones = new BatchMilestones(e.BatchId, e.Name, e.PlanStandardsAndFirstListDue, e.LocalFilingGuidanceDue, e.ImplementationPublicityAndDirectoryDue);
        return Reactions.RunAsync(
            context,
            () => Task.FromResult(NoReads.Instance),
            _ => Reaction.Apply(writes => writes.HashSet(NotificationKeys.OpenBatches, new HashEntry(e.BatchId, NotificationJson.Write(milestones)))));
    }
}

/// <summary>A closed batch is reminded of no more.</summary>
internal sealed class ForgetClosedBatch : IEventHandler<BatchClosed>
{
    public Task HandleAsync(EventContext<BatchClosed> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Reactions.RunAsync(
            context,
            () => Task.FromResult(NoReads.Instance),
            _ => Reaction.Apply(writes => writes.HashDelete(NotificationKeys.OpenBatches, context.Event.BatchId)));
    }
}
