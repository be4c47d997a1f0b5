namespace Pilot.Publication.Domain.Publicity;

/// <summary>What happens to a publicity entry when its window's time comes (三.5, R5).</summary>
public static class PublicityClosing
{
    /// <returns>The entry as it is after the window, or null when nothing changes: it has concluded or waits already, or
    /// its window has not ended yet (the close was run early; it runs again at the window's end).</returns>
    public static PublicityEntry? Close(PublicityEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Status != PublicityStatus.Open || now < entry.Period.ClosesAt)
        {
            return null;
        }

        // An entry with an objection still open waits for its resolution rather than passing by default.
        return entry.UnresolvedObjections > 0
            ? entry with { Status = PublicityStatus.AwaitingResolution }
            : entry with { Status = PublicityStatus.Passed, ConcludedAt = now };
    }
}
