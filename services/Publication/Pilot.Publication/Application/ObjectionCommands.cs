using Pilot.Commands;
using Pilot.Publication.Domain.Objections;
using Pilot.Publication.Domain.Publicity;
using Pilot.Publication.IntegrationEvents;
using Pilot.Publication.Storage;
using Pilot.Scheduling;
using Pilot.SharedKernel;

namespace Pilot.Publication.Application;

/// <summary>What the objector is told: the objection's id and the window it was raised in, nothing of what was sent.</summary>
public sealed record ObjectionReceipt(string ObjectionId, string EntryId, DateTimeOffset RaisedAt, ObjectionStatus Status, DateOnly ClosesOn);

/// <summary>Raising and resolving objections on the command pipeline: one commit each for the objection, the entry and the announcement.</summary>
internal sealed class ObjectionCommands(CommandPipeline pipeline, PublicityStore publicity, ObjectionStore objections, IJobScheduler scheduler, TimeProvider clock)
{
    /// <summary>A public request id is chosen by someone with no login: long enough not to collide with another's.</summary>
    public const int PublicRequestIdMinLength = 16;

    public Task<ObjectionReceipt> RaiseAsync(string? requestId, ObjectionDraft draft, ReadOnlyMemory<byte> evidence, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if ((requestId ?? string.Empty).Length < PublicRequestIdMinLength)
        {
            throw DomainException.Invalid("request_id", $"a random id of at least {PublicRequestIdMinLength} characters (a UUID) that this objection's retries repeat");
        }

        return pipeline.RunAsync(
            new Command<PublicityReads, ObjectionReceipt>(
                caller,
                requestId!,
                "RaiseObjection",
                draft,
                _ => publicity.ReadAsync(draft.EntryId),
                reads =>
                {
                    var (objection, entry) = ObjectionRules.Raise(reads[draft.EntryId], draft, ObjectionIds.New(), clock.GetUtcNow());
                    return CommandResult.Accepted(
                        new ObjectionReceipt(objection.ObjectionId, entry.EntryId, objection.RaisedAt, objection.Status, entry.Period.ClosesOn),
                        writes =>
                        {
                            PublicityStore.Write(writes, entry);
                            ObjectionStore.Raise(writes, objection, evidence);
                        },
                        new OutgoingEvent(ObjectionRaised.Topic, ObjectionRaised.EventType, ObjectionRaised.Of(objection, entry)));
                }),
            cancellationToken);
    }

    public Task<Objection> ResolveAsync(string requestId, string objectionId, ObjectionStatus outcome, string? reason, Caller caller, CancellationToken cancellationToken) =>
        pipeline.RunAsync(
            new Command<ResolveReads, Objection>(
                caller,
                requestId,
                "ResolveObjection",
                new { objectionId, outcome, reason },
                async _ =>
                {
                    var objection = await objections.ReadAsync(objectionId);
                    return new ResolveReads(objection, objection.Existing is { } found ? await publicity.ReadAsync(found.EntryId) : null);
                },
                reads =>
                {
                    if (reads.Objection.Existing is not { } objection || reads.Entry?[objection.EntryId] is not { } entry)
                    {
                        throw DomainException.NotFound("objection_id", $"no objection {Shortened.To(objectionId, 64)}");
                    }

                    var resolution = ObjectionRules.Resolve(objection, entry, caller, outcome, reason, clock.GetUtcNow());
                    var events = new List<OutgoingEvent> { new(ObjectionResolved.Topic, ObjectionResolved.EventType, ObjectionResolved.Of(resolution.Objection, entry)) };
                    if (resolution.Concluded && resolution.Entry is { } concluded)
                    {
                        events.Add(new OutgoingEvent(PublicityConcluded.Topic, PublicityConcluded.EventType, PublicityConcluded.Of(concluded)));
                    }

                    return CommandResult.Accepted(
                        resolution.Objection,
                        writes =>
                        {
                            ObjectionStore.Update(writes, resolution.Objection);
                            if (resolution.Entry is { } changed)
                            {
                                PublicityStore.Write(writes, changed);

                                // A withdrawn entry's window has nothing left to close.
                                if (changed.Status == PublicityStatus.Withdrawn)
                                {
                                    scheduler.Cancel(writes, CloseWindow.KeyFor(changed.EntryId));
                                }
                            }
                        },
                        events);
                }),
            cancellationToken);

    /// <summary>The objection and its entry as read; both must still be so when the resolution commits.</summary>
    internal sealed class ResolveReads(ObjectionReads objection, PublicityReads? entry) : ICommandReads
    {
        public ObjectionReads Objection => objection;

        public PublicityReads? Entry => entry;

        public void AddConditions(Pilot.Storage.IStateWrites commit)
        {
            objection.AddConditions(commit);
            entry?.AddConditions(commit);
        }
    }
}
