using Pilot.SharedKernel;

namespace Pilot.Filing.Domain.Packages;

/// <summary>Who may read a package and its versions: the sponsor and the national centre, which receives the letters.</summary>
public static class PackageAccess
{
    public static bool MayRead(Caller caller, MaterialPackage package)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(package);
        return caller.IsNationalCentre || caller.IsOrganisation(package.SponsorOrgId);
    }

    /// <summary>All versions, oldest first, or Forbidden.</summary>
    public static IReadOnlyList<PackageVersion> ListVersions(Caller caller, MaterialPackage package) =>
        MayRead(caller, package)
            ? package.Versions
            : throw DomainException.Forbidden($"package {package.PackageId} is visible to its sponsor and the national centre only");
}
