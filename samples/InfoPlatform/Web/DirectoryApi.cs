using Pilot.Samples.InfoPlatform.Copy;
using Pilot.Samples.InfoPlatform.Events;

namespace Pilot.Samples.InfoPlatform.Web;

/// <summary>A directory version as the platform holds it, with what it could verify.</summary>
public sealed record DirectoryVersionView(
    string BatchId,
    int Version,
    string ExportSha256,
    string? PreviousSha256,
    DateTimeOffset? PublishedAt,
    int OrganisationCount,
    int BranchCount,
    IReadOnlyList<DirectoryOrganisation> Organisations,
    DirectoryChange Added,
    DirectoryChange Removed,
    ChainReport Chain,
    ExportCheck? ExportCheck);

public static class DirectoryApi
{
    /// <summary><c>GET /api/directory/{batchId}</c>: the latest version held.</summary>
    public static async Task<IResult> LatestAsync(string batchId, PlatformCopy copy) =>
        await copy.LatestDirectoryAsync(batchId) is { } latest ? Results.Ok(await ViewAsync(copy, latest)) : Results.NotFound();

    /// <summary><c>GET /api/directory/{batchId}/versions/{version}</c>: one version held.</summary>
    public static async Task<IResult> VersionAsync(string batchId, int version, PlatformCopy copy) =>
        await copy.DirectoryVersionAsync(batchId, version) is { } held ? Results.Ok(await ViewAsync(copy, held)) : Results.NotFound();

    public static async Task<DirectoryVersionView> ViewAsync(PlatformCopy copy, DirectoryVersionCopy version)
    {
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(version);
        var chain = copy.ChainAsync(version.BatchId);
        var check = copy.ExportCheckAsync(version.BatchId, version.Version);
        return new DirectoryVersionView(
            version.BatchId, version.Version, version.ExportSha256, version.PreviousSha256, version.PublishedAt,
            version.OrganisationCount, version.BranchCount, version.Organisations, version.Added, version.Removed,
            await chain, await check);
    }
}
