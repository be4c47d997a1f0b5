using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Pilot.EventBus.Diagnostics;

/// <summary>Unhealthy when a bus loop died (nothing will move); Degraded when work piles up.</summary>
internal sealed class EventBusHealthCheck(EventBusStatus status, IOptions<EventBusOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var data = new Dictionary<string, object> { ["outboxDepth"] = status.OutboxDepth };
        foreach (var backlog in status.Backlogs)
        {
            data[$"lag:{backlog.Topic}"] = backlog.Lag;
            data[$"pending:{backlog.Topic}"] = backlog.Pending;
            // Reported, not degrading: a dead letter waits for a person, and stays until someone replays or removes it.
            data[$"deadLetters:{backlog.Topic}"] = backlog.DeadLetters;
        }

        if (status.DeadLoops.Count > 0)
        {
            var (loop, error) = status.DeadLoops.First();
            return Task.FromResult(HealthCheckResult.Unhealthy($"Event bus loop '{loop}' has stopped: {error.Message}", error, data));
        }

        var problems = new List<string>();
        if (status.OutboxDepth > settings.OutboxDepthDegradedThreshold)
        {
            problems.Add($"outbox holds {status.OutboxDepth} events (threshold {settings.OutboxDepthDegradedThreshold})");
        }

        problems.AddRange(status.Backlogs
            .Where(b => b.Total > settings.ConsumerBacklogDegradedThreshold)
            .Select(b => $"{b.Topic} has {b.Lag} unread and {b.Pending} pending (threshold {settings.ConsumerBacklogDegradedThreshold})"));

        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy("Event bus is keeping up.", data)
            : HealthCheckResult.Degraded(string.Join("; ", problems), data: data));
    }
}
