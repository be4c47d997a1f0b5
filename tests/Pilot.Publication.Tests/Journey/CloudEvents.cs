using System.Text.Json;

namespace Pilot.Publication.Tests.Journey;

/// <summary>Other services' events as their producers write them to their topics, built by hand against the wire shape.</summary>
internal static class CloudEvents
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly int[] UpperLevels = [3, 4, 5];
    private static readonly int[] BranchLevels = [3, 4];

    public static string Json(string source, string topic, string type, object data, string? id = null) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["specversion"] = "1.0",
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["source"] = source,
        ["type"] = type,
        ["datacontenttype"] = "application/json",
        ["data"] = JsonSerializer.SerializeToElement(data, Web),
        ["topic"] = topic,
        ["pubsubname"] = "pubsub",
        ["time"] = "2020-10-13T07:00:00.123Z",
        ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        ["traceid"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        ["tracestate"] = "",
    });

    public static string OrganisationRegistered(string organisationId, string name, string creditCode, bool industry = false) =>
        Json("registry", "registry-events", "pilot.registry.organisation-registered.v1", new
        {
            organisationId, creditCode, name, legalForm = "事业单位", isIndustryOrganisation = industry,
            occupations = new[] { new { code = "4-12-01-01", name = "汽车维修工", subType = (string?)null, levels = UpperLevels } },
            contacts = new[] { new { name = "王老师", phone = "13800138000", email = "wang@example.cn" } },
        });

    public static string BranchAdded(string branchId, string organisationId, string batchId, string name, string creditCode, string regionCode, string regionName) =>
        Json("registry", "registry-events", "pilot.registry.branch-added.v1", new
        {
            branchId, organisationId, organisationName = "", isIndustryOrganisation = false, batchId, name, creditCode, regionCode, regionName,
            address = regionName + "某区某路1号",
            occupations = new[] { new { code = "4-12-01-01", name = "汽车维修工", subType = (string?)null, levels = BranchLevels } },
        });

    public static string Recommended(string batchId, string departmentId, string departmentName, params string[] organisationIds) =>
        Json("registry", "registry-events", "pilot.registry.organisations-recommended.v1", new
        {
            batchId, departmentId, departmentName, organisations = organisationIds.Select(id => new { organisationId = id, name = "", creditCode = "" }),
        });

    public static string FilingAccepted(string batchId, string branchId, string organisationId, string regionCode, string regionName, string filingNumber, DateTimeOffset at) =>
        Json("filing", "filing-events", "pilot.filing.filing-accepted.v1", new
        {
            filingId = $"{batchId}/{branchId}", batchId, filingNumber, filedOn = at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            branchId, organisationId, regionCode, regionName,
            occupations = new[] { new { code = "4-12-01-01", subType = (string?)null } },
            occurredAt = at,
        });
}
