namespace Pilot.Publication.Domain.Objections;

public enum ObjectionStatus
{
    /// <summary>Raised, not yet resolved: an entry whose window ends meanwhile waits for it.</summary>
    Open,

    /// <summary>The objection stands: the entry is withdrawn from this batch (R5).</summary>
    Upheld,

    /// <summary>The objection does not stand: the entry goes on as if it had not been raised.</summary>
    Dismissed,
}
