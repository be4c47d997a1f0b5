namespace Pilot.EventBus.Tests.Support;

/// <summary>Lets a test script a handler's failures and count how often it ran.</summary>
public sealed class HandlerProbe(string stateKey)
{
    private int _calls;

    public string StateKey { get; } = stateKey;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Given the 1-based call number, the exception to throw, or null to succeed.</summary>
    public Func<int, Exception?> FailOn { get; set; } = _ => null;

    public int NextCall() => Interlocked.Increment(ref _calls);
}
