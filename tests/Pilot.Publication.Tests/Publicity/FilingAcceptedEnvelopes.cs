using System.Text.Json;

namespace Pilot.Publication.Tests.Publicity;

/// <summary>Filing's filing-accepted CloudEvents, built by hand so the tests check Publication against Filing's wire shape.</summary>
internal static class FilingAcceptedEnvelopes
{
    public const string Topic = "filing-events";

    /// <summary>The CloudEvent as Filing's outbox writes it: the envelope daprd would build, the event's record as <c>data</c>.</summary>
    public static string Json(string eventId, string filingId, string filingNumber) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["specversion"] = "1.0",
        ["id"] = eventId,
        ["source"] = "filing",
        ["type"] = "pilot.filing.filing-accepted.v1",
        ["datacontenttype"] = "application/json",
        ["data"] = new Dictionary<string, object?>
        {
            ["eventId"] = eventId,
            ["occurredAt"] = "2020-10-13T15:00:00+08:00",
            ["filingId"] = filingId,
            ["batchId"] = "2020",
            ["filingNumber"] = filingNumber,
            ["filedOn"] = "2020-10-13",
            ["branchId"] = filingId.Length > 5 ? "br-" + filingId[5..] : "",
            ["organisationId"] = "org-jtpj",
            ["regionCode"] = filingId.Length > 0 ? "110000" : "",
            ["regionName"] = "北京市",
            ["occupations"] = new[] { new Dictionary<string, object?> { ["code"] = "4-12-01-01", ["subType"] = null } },
            ["type"] = "pilot.filing.filing-accepted.v1",
            ["subject"] = filingId,
        },
        ["topic"] = Topic,
        ["pubsubname"] = "pubsub",
        ["time"] = "2020-10-13T07:00:00.123Z",
        ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        ["traceid"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        ["tracestate"] = "",
    });

    /// <summary>The publicity entry an acceptance of <see cref="Json"/> opens for its branch.</summary>
    public static string BranchEntryId(string filingId) => $"branch~2020~br-{filingId[5..]}";

    /// <summary>The Redis hash of that entry.</summary>
    public static string BranchEntryKey(string filingId) => "publication:publicity:" + BranchEntryId(filingId);
}
