using Pilot.Filing.Domain.Packages;
using Pilot.Filing.Storage;
using Pilot.SharedKernel;

namespace Pilot.Filing.Application;

/// <summary>A sponsor's package with every version, for the sponsor and the national centre.</summary>
internal sealed class PackageReads(FilingStore store, RefusalAudit audit)
{
    public async Task<MaterialPackage> GetAsync(string batchId, string sponsorOrgId, Caller caller)
    {
        var packageId = MaterialPackage.IdFor(batchId, sponsorOrgId);
        var package = await store.FindPackageAsync(packageId);
        if (package is null || !PackageAccess.MayRead(caller, package))
        {
            // Unknown and unreadable look different only to those allowed to know the package exists.
            if (!caller.IsNationalCentre && !caller.IsOrganisation(sponsorOrgId))
            {
                throw await audit.RecordAsync(caller, RefusalAudit.ReadPackage, packageId,
                    DomainException.Forbidden($"package {packageId} is visible to its sponsor and the national centre only"));
            }

            throw DomainException.NotFound("sponsor_org_id", $"{sponsorOrgId} has no accepted package for batch {batchId}");
        }

        return package;
    }
}
