using Pilot.SharedKernel;

namespace Pilot.Filing.Domain.Filings;

/// <summary>Who may read one filing: the bureau of its region, its organisation, and the national centre.</summary>
public static class FilingAccess
{
    public static bool MayRead(Caller caller, BranchFiling filing)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filing);
        return caller.IsNationalCentre || caller.IsBureauOf(filing.Region.Code) || caller.IsOrganisation(filing.OrganisationId);
    }

    public static void EnsureMayRead(Caller caller, BranchFiling filing)
    {
        if (!MayRead(caller, filing))
        {
            throw DomainException.Forbidden($"filing {filing.FilingId} is visible to its organisation, the bureau of its region and the national centre only");
        }
    }
}
