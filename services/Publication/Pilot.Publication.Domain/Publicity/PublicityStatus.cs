namespace Pilot.Publication.Domain.Publicity;

/// <summary>Where a branch's publicity stands (三.5, R5).</summary>
public enum PublicityStatus
{
    /// <summary>In its window: the public may object.</summary>
    Open,

    /// <summary>The window ended with an objection still unresolved; the entry waits for the resolution.</summary>
    AwaitingResolution,

    /// <summary>Ended with no upheld objection: ready for the directory.</summary>
    Passed,

    /// <summary>An objection was upheld: out of this batch's directory until publicised again after a new accepted filing.</summary>
    Withdrawn,
}
