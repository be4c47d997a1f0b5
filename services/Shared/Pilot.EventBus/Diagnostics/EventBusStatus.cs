using System.Collections.Concurrent;

namespace Pilot.EventBus.Diagnostics;

/// <summary>
/// Latest sampled figures and loop states, shared by the gauges and the health check so that
/// neither has to call Redis on its own.
/// </summary>
internal sealed class EventBusStatus
{
    private readonly ConcurrentDictionary<string, ConsumerBacklog> _backlogs = new();
    private readonly ConcurrentDictionary<string, Exception> _deadLoops = new();

    public long OutboxDepth { get; private set; }

    public IReadOnlyCollection<ConsumerBacklog> Backlogs => _backlogs.Values.ToArray();

    public IReadOnlyDictionary<string, Exception> DeadLoops => _deadLoops;

    public void RecordOutboxDepth(long depth) => OutboxDepth = depth;

    public void RecordBacklog(ConsumerBacklog backlog) => _backlogs[backlog.Topic] = backlog;

    public void LoopDied(string loop, Exception error) => _deadLoops[loop] = error;

    public void LoopRunning(string loop) => _deadLoops.TryRemove(loop, out _);
}
