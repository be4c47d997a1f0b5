using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.EventBus.Diagnostics;
using StackExchange.Redis;
using Pilot.Storage;

namespace Pilot.EventBus.Consuming;

/// <summary>
/// The transport-neutral core of receiving: find the handler, run it inside a trace continued from
/// the publisher, and commit its writes together with the dedupe marker (<see cref="HandledEventsCommit"/>).
/// </summary>
internal sealed partial class EventDispatcher(
    SubscriptionRegistry registry,
    IServiceScopeFactory scopes,
    IConnectionMultiplexer redis,
    IOptions<EventBusOptions> options,
    EventBusTelemetry telemetry,
    ILogger<EventDispatcher> logger)
{
    /// <param name="commitAlso">Transport work that must commit with the handler's writes (the XACK on Redis Streams).</param>
    /// <param name="markerLookedUp">The caller found the event's marker absent moments ago (with its whole read batch), so it is not looked up again.</param>
    public async Task<DispatchOutcome> DispatchAsync(
        string topic, CloudEventEnvelope envelope, Action<CommitSteps>? commitAlso, bool markerLookedUp, CancellationToken cancellationToken) =>
        await await BeginAsync(topic, envelope, commitAlso, markerLookedUp, cancellationToken);

    /// <summary>
    /// Runs the handler and sends its commit without waiting for Redis's answer; the returned task completes with the
    /// outcome. Commits begun one after another apply in that order, and whatever a later handler reads is sent after
    /// the earlier commit, so it sees what that commit wrote.
    /// </summary>
    public async Task<Task<DispatchOutcome>> BeginAsync(
        string topic, CloudEventEnvelope envelope, Action<CommitSteps>? commitAlso, bool markerLookedUp, CancellationToken cancellationToken)
    {
        var subscription = registry.Find(topic, envelope.Type);
        if (subscription is null)
        {
            return Task.FromResult(DispatchOutcome.Ignored);
        }

        var activity = StartConsumerActivity(topic, envelope);
        Task<DispatchOutcome> running;
        try
        {
            running = await StartHandlerAsync(subscription, envelope, commitAlso, markerLookedUp, cancellationToken);
        }
        catch
        {
            activity?.Dispose();
            throw;
        }

        return FinishAsync(running, topic, envelope, activity);
    }

    /// <summary>Records the outcome on the event's span, which stays open until the commit answered.</summary>
    private async Task<DispatchOutcome> FinishAsync(Task<DispatchOutcome> running, string topic, CloudEventEnvelope envelope, Activity? activity)
    {
        using (activity)
        {
            var outcome = await running;
            switch (outcome.Kind)
            {
                case DispatchOutcomeKind.Handled:
                    telemetry.Handled(topic, envelope.Type);
                    break;
                case DispatchOutcomeKind.Retry or DispatchOutcomeKind.Poison:
                    telemetry.Failed(topic, envelope.Type);
                    activity?.SetStatus(ActivityStatusCode.Error, outcome.Error?.Message);
                    LogHandlerFailed(outcome.Error, envelope.Type, envelope.Id, outcome.Kind);
                    break;
            }

            activity?.SetTag("pilot.eventbus.outcome", outcome.Kind.ToString());
            return outcome;
        }
    }

    private async Task<Task<DispatchOutcome>> StartHandlerAsync(
        EventSubscription subscription, CloudEventEnvelope envelope, Action<CommitSteps>? commitAlso, bool markerLookedUp, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var db = redis.GetDatabase();
        var marker = EventBusKeys.HandledMarker(settings.AppId, envelope.Id);
        try
        {
            // Checked up front as well as in the commit so that handlers with side effects
            // outside Redis (e-mail, HTTP) are not run again for an event already handled.
            if (!markerLookedUp && await db.KeyExistsAsync(marker))
            {
                return Task.FromResult(DispatchOutcome.Duplicate);
            }

            var commit = new HandledEventsCommit(settings.DedupeRetention);
            var writes = commit.Add(marker);
            commitAlso?.Invoke(commit.Transport);
            var afterCommit = new List<Action>();
            await using (var scope = scopes.CreateAsyncScope())
            {
                await subscription.InvokeAsync(scope.ServiceProvider, envelope, writes, afterCommit, cancellationToken);
            }

            return CompleteAsync(commit.ExecuteAsync(db), afterCommit);
        }
        catch (PoisonEventException ex)
        {
            return Task.FromResult(new DispatchOutcome(DispatchOutcomeKind.Poison, ex));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return Task.FromResult(new DispatchOutcome(DispatchOutcomeKind.Retry, ex));
        }
    }

    private static async Task<DispatchOutcome> CompleteAsync(Task<bool[]?> commit, List<Action> afterCommit)
    {
        try
        {
            switch (await commit)
            {
                case [true]:
                    afterCommit.ForEach(action => action());
                    return DispatchOutcome.Handled;
                case [false]:
                    // A concurrent delivery handled it first.
                    return DispatchOutcome.Duplicate;
                default:
                    return new DispatchOutcome(DispatchOutcomeKind.Retry, new InvalidOperationException("A condition added by the handler did not hold; nothing was committed."));
            }
        }
        catch (Exception ex)
        {
            return new DispatchOutcome(DispatchOutcomeKind.Retry, ex);
        }
    }

    /// <summary>
    /// Runs a handler whose writes go into a commit shared by a whole batch. Failures propagate: the caller then
    /// drops the shared commit and handles the batch event by event.
    /// </summary>
    public async Task InvokeInBatchAsync(
        IServiceProvider batchScope, EventSubscription subscription, string topic, CloudEventEnvelope envelope, IStateWrites writes, List<Action> afterCommit, CancellationToken cancellationToken)
    {
        using var activity = StartConsumerActivity(topic, envelope);
        activity?.SetTag("pilot.eventbus.batched", true);
        await subscription.InvokeAsync(batchScope, envelope, writes, afterCommit, cancellationToken);
    }

    /// <summary>One DI scope for a whole batch: the batch commits as one unit of work.</summary>
    public AsyncServiceScope CreateBatchScope() => scopes.CreateAsyncScope();

    private static Activity? StartConsumerActivity(string topic, CloudEventEnvelope envelope)
    {
        // An unreadable traceparent still gets a span, just as the root of a new trace.
        ActivityContext.TryParse(envelope.TraceParent, envelope.TraceState, isRemote: true, out var parent);
        var activity = EventBusTelemetry.ActivitySource.StartActivity($"{topic} process", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.operation.type", "process");
        activity?.SetTag("messaging.destination.name", topic);
        activity?.SetTag("messaging.message.id", envelope.Id);
        activity?.SetTag("cloudevents.event_type", envelope.Type);
        activity?.SetTag("cloudevents.event_source", envelope.Source);
        return activity;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling {EventType} {EventId} failed ({Outcome})")]
    private partial void LogHandlerFailed(Exception? error, string eventType, string eventId, DispatchOutcomeKind outcome);
}
