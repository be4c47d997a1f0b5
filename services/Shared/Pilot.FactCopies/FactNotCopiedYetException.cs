namespace Pilot.FactCopies;

/// <summary>
/// A change arrived for a fact this app holds no copy of yet (contacts changed before the organisation's registration
/// was handled). Thrown so the bus delivers the change again later, by when the record has usually arrived; a change
/// whose record never arrives ends in the topic's dead letters after the bus's delivery attempts, to be replayed.
/// </summary>
public sealed class FactNotCopiedYetException : Exception
{
    public FactNotCopiedYetException(string kind, string id, string eventType)
        : base($"No {kind} '{id}' is copied yet, so {eventType} cannot be applied to it; it will be delivered again.")
    {
    }
}
