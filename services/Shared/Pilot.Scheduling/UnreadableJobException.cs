namespace Pilot.Scheduling;

/// <summary>A job that no attempt can run (its payload or kind is unreadable): it is dead-lettered at once.</summary>
internal sealed class UnreadableJobException(string message, Exception? inner = null) : Exception(message, inner);
