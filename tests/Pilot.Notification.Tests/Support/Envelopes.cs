using System.Text.Json;
using StackExchange.Redis;

namespace Pilot.Notification.Tests.Support;

/// <summary>Other services' CloudEvents, built by hand so the tests check Notification against the producers' wire shape.</summary>
internal static class Envelopes
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static string Json(string topic, string type, string id, object data, string time = "2020-10-13T07:00:00.123Z") => JsonSerializer.Serialize(
        new Dictionary<string, object?>
        {
            ["specversion"] = "1.0",
            ["id"] = id,
            ["source"] = topic.Replace("-events", "", StringComparison.Ordinal),
            ["type"] = type,
            ["datacontenttype"] = "application/json",
            ["data"] = data,
            ["topic"] = topic,
            ["pubsubname"] = "pubsub",
            ["time"] = time,
        },
        Web);

    public static Task PublishAsync(IDatabase redis, string topic, string type, string id, object data, string time = "2020-10-13T07:00:00.123Z") =>
        redis.StreamAddAsync(topic, [new NameValueEntry("data", Json(topic, type, id, data, time))]);

    public static object FilingSubmitted(string filingId, string regionCode = "110000", string organisationId = "org-jtpj") => new
    {
        filingId,
        batchId = "2020",
        branchId = "br-" + filingId,
        organisationId,
        regionCode,
        regionName = regionCode == "110000" ? "北京市" : "上海市",
        occupations = new[] { new { code = "4-12-01-01", subType = (string?)null } },
        attempt = 1,
        lateness = new { dueDate = "2020-10-10", submittedOn = "2020-10-09", calendarDaysLate = 0, workingDaysLate = 0 },
        type = "pilot.filing.filing-submitted.v1",
        subject = filingId,
        occurredAt = "2020-10-09T10:00:00+08:00",
    };

    public static object FilingAccepted(string filingId, string organisationId = "org-jtpj") => new
    {
        filingId,
        batchId = "2020",
        filingNumber = "京人社备〔2020〕031号",
        filedOn = "2020-10-13",
        branchId = "br-" + filingId,
        organisationId,
        regionCode = "110000",
        regionName = "北京市",
        occupations = new[] { new { code = "4-12-01-01", subType = (string?)null } },
        occurredAt = "2020-10-13T15:00:00+08:00",
    };

    public static object OrganisationRegistered(string organisationId, params string[] emails) => new
    {
        organisationId,
        creditCode = "91110000100000000X",
        name = "中国交通运输协会评价中心",
        legalForm = "socialOrganisation",
        isIndustryOrganisation = false,
        occupations = Array.Empty<object>(),
        contacts = emails.Select(e => new { name = "王老师", phone = "010-12345678", email = e }).ToArray(),
        exceptionReason = (string?)null,
    };

    public static object OrganisationsRecommended(string departmentId, params string[] organisationIds) => new
    {
        batchId = "2020",
        departmentId,
        departmentName = "交通运输部",
        organisations = organisationIds.Select(id => new { organisationId = id, name = "组织" + id, creditCode = "x", occupations = Array.Empty<object>() }).ToArray(),
        formerOccupations = Array.Empty<object>(),
    };
}
