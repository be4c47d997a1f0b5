using System.Text.Json;
using System.Text.Json.Nodes;
using StackExchange.Redis;

namespace Pilot.Publication.Tests.Publicity;

/// <summary>Publication receives Filing's acceptances from <c>filing-events</c>, written as Filing's outbox writes them.</summary>
public sealed class OpenPublicityTests(PublicityFactory factory) : IClassFixture<PublicityFactory>
{
    private const string Topic = "filing-events";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_accepted_filing_opens_its_publicity_once_however_often_the_acceptance_arrives()
    {
        _ = factory.Server;
        var filingId = NewFilingId();
        var eventId = $"a-{filingId}:pilot.filing.filing-accepted.v1";
        await AppendAsync(Envelope(eventId, filingId, "京人社备〔2020〕001号"));
        var key = $"publication:publicity:{filingId}";
        await UntilAsync(() => factory.Redis.KeyExistsAsync(key), "the publicity was recorded");

        // The same event again (a redelivery, or a relay publishing twice), carrying another number: a duplicate.
        await AppendAsync(Envelope(eventId, filingId, "京人社备〔2020〕999号"));
        var laterId = NewFilingId();
        await AppendAsync(Envelope($"a-{laterId}:pilot.filing.filing-accepted.v1", laterId, "京人社备〔2020〕002号"));
        await UntilAsync(() => factory.Redis.KeyExistsAsync($"publication:publicity:{laterId}"), "the acceptance behind the duplicate was recorded");

        var record = JsonNode.Parse((string)(await factory.Redis.HashGetAsync(key, "record"))!)!;
        Assert.Equal("京人社备〔2020〕001号", (string?)record["filingNumber"]);
        Assert.Equal("br-" + filingId[5..], (string?)record["branchId"]);
        Assert.Equal("110000", (string?)record["regionCode"]);
        Assert.Equal("4-12-01-01", (string?)record["occupations"]![0]!["code"]);
        Assert.Equal("2020-10-14", (string?)record["period"]!["opensOn"]);
        Assert.Equal("2020-10-20", (string?)record["period"]!["closesOn"]);
        Assert.Equal("2020-10-20", (string?)await factory.Redis.HashGetAsync(key, "closesOn"));
        Assert.Equal(new DateOnly(2020, 10, 20).DayNumber, await factory.Redis.SortedSetScoreAsync("publication:publicity-by-closing-day", filingId));
    }

    [Fact]
    public async Task An_acceptance_naming_no_filing_goes_to_the_dead_letters_at_once()
    {
        _ = factory.Server;
        var eventId = $"broken-{Guid.NewGuid():N}";
        await AppendAsync(Envelope(eventId, filingId: "", "京人社备〔2020〕003号"));

        await UntilAsync(
            async () => (await factory.Redis.StreamRangeAsync($"{Topic}-deadletter", "-", "+"))
                .Any(entry => entry["data"].ToString().Contains(eventId, StringComparison.Ordinal) && entry["appid"] == "publication"),
            "the poison acceptance was dead-lettered by publication");
        Assert.False(await factory.Redis.KeyExistsAsync("publication:publicity:"));
    }

    private static string NewFilingId() => $"2020/{Guid.NewGuid():N}"[..17];

    private async Task AppendAsync(string envelope) => await factory.Redis.StreamAddAsync(Topic, [new NameValueEntry("data", envelope)]);

    /// <summary>The CloudEvent as Filing's outbox writes it: the envelope daprd would build, the event's record as <c>data</c>.</summary>
    private static string Envelope(string eventId, string filingId, string filingNumber) => JsonSerializer.Serialize(new Dictionary<string, object?>
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

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            await Task.Delay(50, deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            Assert.False(deadline.IsCancellationRequested, $"timed out waiting until {what}");
        }
    }
}
