using System.Globalization;
using System.Text.Json;
using Pilot.Publication.Domain.Directory;
using Pilot.Publication.Domain.Publicity;
using StackExchange.Redis;

namespace Pilot.Bench.Publication;

/// <summary>A published directory of many organisations, written where the service keeps its versions.</summary>
internal static class BenchDirectory
{
    public const string Batch = "bench";

    private static readonly string[] Regions = ["110000", "310000", "440000", "510000", "320000"];

    /// <summary>Version 1 of batch <see cref="Batch"/> with <paramref name="organisations"/> organisations, one branch each; one in a hundred is named 交通.</summary>
    public static async Task<string> SeedAsync(IDatabase redis, int organisations)
    {
        var listed = Enumerable.Range(0, organisations).Select(n =>
        {
            var id = $"org-{n:D6}";
            var region = Regions[n % Regions.Length];
            var occupation = new ListedOccupation(n % 7 == 0 ? "4-12-01-01" : "6-18-01-01", "汽车维修工", null, [3, 4, 5]);
            return new DirectoryOrganisation(
                id, (n % 100 == 0 ? "中国交通" : "某行业") + $"职业技能评价中心{n}", $"91110000MA{n:D8}", false, "dept-bench", "某部", [occupation],
                [new DirectoryBranch($"br-{n:D6}", $"第{n}分中心", $"91{region[..2]}0000MB{n:D8}", region, "某省", "某市某区某路1号", $"某人社备〔2020〕{n}号", [occupation])]);
        }).ToList();
        var content = new DirectoryContent(Batch, 1, DateTimeOffset.UtcNow, null, listed);
        var export = DirectoryCanonicalJson.Write(content);
        var sha = DirectoryCanonicalJson.Sha256Hex(export);
        var version = new DirectoryVersion(Batch, 1, content.PublishedAt, "bench", sha, null, listed.Count, listed.Count,
            new DirectoryDiff(listed.Select(o => o.OrganisationId).ToList(), [], listed.Select(o => o.Branches[0].BranchId).ToList(), []));
        await redis.HashSetAsync($"publication:directory:{Batch}:v1", [
            new HashEntry("version", JsonSerializer.Serialize(version, new JsonSerializerOptions(JsonSerializerDefaults.Web))),
            new HashEntry("export", export),
        ]);
        await redis.StringSetAsync($"publication:directory:{Batch}:latest", 1.ToString(CultureInfo.InvariantCulture));
        return sha;
    }
}
