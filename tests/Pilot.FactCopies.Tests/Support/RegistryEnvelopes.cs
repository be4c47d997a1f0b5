using System.Text.Json;
using StackExchange.Redis;

namespace Pilot.FactCopies.Tests.Support;

/// <summary>
/// Appends registry-events entries as the Registry's outbox writes them on Redis Streams: one field <c>data</c> holding
/// the CloudEvent, attributes in the order the bus's envelope factory writes them, the Registry's whole record as
/// camelCase <c>data</c>. Built by hand, so the copies are checked against the wire shape, not against the library.
/// </summary>
internal static class RegistryEnvelopes
{
    public const string Topic = "registry-events";

    private static readonly object[] Occupations = [new { code = "4-12-01-01", name = "美容师", subType = (string?)null, levels = new[] { 1, 2, 3 } }];

    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public static string Json(string eventId, string type, object data, string time) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["specversion"] = "1.0",
        ["id"] = eventId,
        ["source"] = "registry",
        ["type"] = type,
        ["datacontenttype"] = "application/json",
        ["data"] = data,
        ["topic"] = Topic,
        ["pubsubname"] = "pubsub",
        ["time"] = time,
        ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        ["traceid"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        ["tracestate"] = "",
    }, JsonSerializerOptions.Web);

    /// <summary>The envelope factory's time format: UTC, fraction without trailing zeros.</summary>
    public static string TimeAt(int seconds) => (T0 + TimeSpan.FromSeconds(seconds)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static Task AddAsync(IDatabaseAsync db, string json) => db.StreamAddAsync(Topic, "data", json);

    public static string Registered(string eventId, int atSecond, string organisationId, string name, params Contact[] contacts) =>
        Json(eventId, OrganisationRegistered.EventType, new
        {
            organisationId,
            creditCode = CreditCodeOf(organisationId),
            name,
            legalForm = "socialOrganisation",
            isIndustryOrganisation = true,
            industryKind = "association",
            occupations = Occupations,
            contacts,
            exceptionReason = (string?)null,
        }, TimeAt(atSecond));

    public static string ContactsChanged(string eventId, int atSecond, string organisationId, string name, params Contact[] contacts) =>
        Json(eventId, OrganisationContactsChanged.EventType, new { organisationId, name, contacts }, TimeAt(atSecond));

    public static string BranchAdded(string eventId, int atSecond, string branchId, string organisationId, string name, string regionCode = "110000") =>
        Json(eventId, Support.BranchAdded.EventType, Branch(branchId, organisationId, name, regionCode, previousRegionCode: null), TimeAt(atSecond));

    public static string BranchChanged(string eventId, int atSecond, string branchId, string organisationId, string name, string regionCode = "110000") =>
        Json(eventId, Support.BranchChanged.EventType, Branch(branchId, organisationId, name, regionCode, previousRegionCode: "110000"), TimeAt(atSecond));

    public static string CreditCodeOf(string organisationId) => $"51{organisationId.ToUpperInvariant()}";

    private static Dictionary<string, object?> Branch(string branchId, string organisationId, string name, string regionCode, string? previousRegionCode)
    {
        var branch = new Dictionary<string, object?>
        {
            ["branchId"] = branchId,
            ["organisationId"] = organisationId,
            ["organisationName"] = "中国美发美容协会",
            ["isIndustryOrganisation"] = true,
            ["batchId"] = "2026",
            ["name"] = name,
            ["creditCode"] = $"52{branchId.ToUpperInvariant()}",
            ["regionCode"] = regionCode,
            ["regionName"] = regionCode == "110000" ? "北京市" : "上海市",
            ["address"] = "北京市东城区",
            ["eligibility"] = new { hasPremises = true },
            ["occupations"] = Array.Empty<object>(),
            ["exceptionReason"] = null,
        };
        if (previousRegionCode is not null)
        {
            branch["previousRegionCode"] = previousRegionCode;
        }

        return branch;
    }
}
