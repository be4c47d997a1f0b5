namespace Pilot.EventBus;

/// <summary>
/// Thrown (by the bus or by a handler) when a message can never succeed, so retrying is pointless:
/// it goes to the dead-letter topic at once (Dapr: answered with DROP).
/// </summary>
public sealed class PoisonEventException : Exception
{
    public PoisonEventException(string message)
        : base(message)
    {
    }

    public PoisonEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
