using Pilot.SharedKernel;

namespace Pilot.Publication.Domain.Publicity;

/// <summary>
/// Whether an accepted filing opens a publicity. Its natural key is the filing: a filing already in publicity opens
/// nothing again, whether the acceptance comes back under the same CloudEvents id (the bus drops it) or another one
/// (a relay that published twice, a copy re-driven by hand), so a branch is never announced twice.
/// </summary>
public static class PublicityOpening
{
    /// <returns>The publicity to open, or null when the filing's publicity exists already.</returns>
    public static BranchPublicity? Open(BranchPublicity? existing, AcceptedFiling accepted, int workingDays, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        return Open(existing, accepted, PublicityPeriod.After(accepted.AcceptedAt, workingDays, calendar));
    }

    /// <summary>The same with the window given, for local runs whose windows last minutes.</summary>
    public static BranchPublicity? Open(BranchPublicity? existing, AcceptedFiling accepted, PublicityPeriod period)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        return existing is null ? BranchPublicity.For(accepted, period) : null;
    }
}
