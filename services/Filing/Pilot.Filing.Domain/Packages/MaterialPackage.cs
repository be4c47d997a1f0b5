using Pilot.Filing.Domain.Materials;

namespace Pilot.Filing.Domain.Packages;

/// <summary>A sponsor's material package for one batch (R7), with every accepted version.</summary>
/// <param name="PackageId">See <see cref="IdFor"/>.</param>
/// <param name="BatchId">The batch.</param>
/// <param name="SponsorOrgId">The department or industry organisation that hands it in.</param>
/// <param name="SubmitterKind">Which checklist applies.</param>
/// <param name="Versions">Accepted versions, oldest first; never empty.</param>
public sealed record MaterialPackage(
    string PackageId,
    string BatchId,
    string SponsorOrgId,
    SubmitterKind SubmitterKind,
    IReadOnlyList<PackageVersion> Versions)
{
    /// <summary>Concurrency token: the number of versions so far; a new package expects 0.</summary>
    public long Version => Versions.Count;

    /// <summary>The version in force.</summary>
    public PackageVersion Current => Versions[^1];

    /// <summary>One package per sponsor and batch, so the id is derived, not issued.</summary>
    public static string IdFor(string batchId, string sponsorOrgId) => $"{batchId}/{sponsorOrgId}";
}
