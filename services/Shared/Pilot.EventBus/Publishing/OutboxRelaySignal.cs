namespace Pilot.EventBus.Publishing;

/// <summary>Wakes the relay as soon as this process commits an event, instead of waiting for its next poll.</summary>
internal sealed class OutboxRelaySignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up drains everything committed so far.
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _wake.Dispose();
}
