namespace Pilot.Filing.Domain.Filings;

/// <summary>
/// Submitted → Accepted | Rejected. A rejected filing may be submitted again (back to Submitted), because a
/// bureau's reason usually names something the branch can fix; an accepted one is final.
/// </summary>
public enum FilingStatus
{
    Submitted,
    Accepted,
    Rejected,
}
