using Pilot.Filing.Domain.Packages;
using Pilot.Filing.Grpc;
using Pilot.Filing.Storage;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;

namespace Pilot.Filing.Application;

internal sealed class PackageQueries(FilingStore store, RefusalAudit audit)
{
    public async Task<Package> GetAsync(GetPackageRequest request, Caller caller)
    {
        var packageId = MaterialPackage.IdFor(request.BatchId, request.SponsorOrgId);
        var package = await store.FindPackageAsync(packageId);
        if (package is null || !PackageAccess.MayRead(caller, package))
        {
            // Unknown and unreadable look different only to those allowed to know the package exists.
            if (!caller.IsNationalCentre && !caller.IsOrganisation(request.SponsorOrgId))
            {
                throw await audit.RecordAsync(caller, RefusalAudit.ReadPackage, packageId,
                    DomainException.Forbidden($"package {packageId} is visible to its sponsor and the national centre only"));
            }

            throw DomainException.NotFound("sponsor_org_id", $"{request.SponsorOrgId} has no accepted package for batch {request.BatchId}");
        }

        return PackageMappers.ToProto(package);
    }
}
