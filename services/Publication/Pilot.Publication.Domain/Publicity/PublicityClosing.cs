namespace Pilot.Publication.Domain.Publicity;

/// <summary>What happens to a publicity when its window's time comes (三.5, R5).</summary>
public static class PublicityClosing
{
    /// <param name="unresolvedObjections">Objections raised in the window and not yet upheld or dismissed.</param>
    /// <returns>The publicity as it is after the window, or null when nothing changes: it has concluded or waits already,
    /// or its window has not ended yet (the close was run early; it runs again at the window's end).</returns>
    public static BranchPublicity? Close(BranchPublicity publicity, DateTimeOffset now, int unresolvedObjections)
    {
        ArgumentNullException.ThrowIfNull(publicity);
        if (publicity.Status != PublicityStatus.Open || now < publicity.Period.ClosesAt)
        {
            return null;
        }

        // An entry with an objection still open waits for its resolution rather than passing by default.
        return unresolvedObjections > 0
            ? publicity with { Status = PublicityStatus.AwaitingResolution }
            : publicity with { Status = PublicityStatus.Passed, ConcludedAt = now };
    }
}
