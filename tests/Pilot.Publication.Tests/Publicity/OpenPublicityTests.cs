using System.Text.Json.Nodes;
using StackExchange.Redis;

namespace Pilot.Publication.Tests.Publicity;

/// <summary>Publication receives Filing's acceptances from <c>filing-events</c>, written as Filing's outbox writes them.</summary>
public sealed class OpenPublicityTests(PublicityFactory factory) : IClassFixture<PublicityFactory>
{
    private const string Topic = FilingAcceptedEnvelopes.Topic;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_accepted_filing_opens_its_publicity_once_however_often_the_acceptance_arrives()
    {
        _ = factory.Server;
        var filingId = NewFilingId();
        var eventId = $"a-{filingId}:pilot.filing.filing-accepted.v1";
        await AppendAsync(FilingAcceptedEnvelopes.Json(eventId, filingId, "京人社备〔2020〕001号"));
        var key = FilingAcceptedEnvelopes.BranchEntryKey(filingId);
        await UntilAsync(() => factory.Redis.KeyExistsAsync(key), "the publicity was recorded");

        // The same event again (a redelivery, or a relay publishing twice), carrying another number: a duplicate.
        await AppendAsync(FilingAcceptedEnvelopes.Json(eventId, filingId, "京人社备〔2020〕999号"));
        var laterId = NewFilingId();
        await AppendAsync(FilingAcceptedEnvelopes.Json($"a-{laterId}:pilot.filing.filing-accepted.v1", laterId, "京人社备〔2020〕002号"));
        await UntilAsync(() => factory.Redis.KeyExistsAsync(FilingAcceptedEnvelopes.BranchEntryKey(laterId)), "the acceptance behind the duplicate was recorded");

        var record = JsonNode.Parse((string)(await factory.Redis.HashGetAsync(key, "record"))!)!;
        Assert.Equal("京人社备〔2020〕001号", (string?)record["filingNumber"]);
        Assert.Equal("br-" + filingId[5..], (string?)record["branchId"]);
        Assert.Equal("110000", (string?)record["regionCode"]);
        Assert.Equal("4-12-01-01", (string?)record["listing"]!["occupations"]![0]!["code"]);
        Assert.Equal("Branch", (string?)record["kind"]);
        Assert.Equal("2020-10-14", (string?)record["period"]!["opensOn"]);
        Assert.Equal("2020-10-20", (string?)record["period"]!["closesOn"]);
        Assert.Equal("2020-10-20", (string?)await factory.Redis.HashGetAsync(key, "closesOn"));
        Assert.Equal(
            new DateTimeOffset(2020, 10, 21, 0, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds(),
            await factory.Redis.SortedSetScoreAsync("publication:running:2020:110000", FilingAcceptedEnvelopes.BranchEntryId(filingId)));

        // Announced once for the information platform, in the same commit.
        var announced = (await factory.Redis.StreamRangeAsync("publication-events", "-", "+"))
            .Select(entry => JsonNode.Parse(entry["data"].ToString())!)
            .Where(envelope => (string?)envelope["data"]!["entryId"] == FilingAcceptedEnvelopes.BranchEntryId(filingId))
            .ToList();
        var scheduled = Assert.Single(announced);
        Assert.Equal("pilot.publication.publicity-scheduled.v1", (string?)scheduled["type"]);
        Assert.Equal("publication", (string?)scheduled["source"]);
        Assert.Equal("2020-10-14", (string?)scheduled["data"]!["opensOn"]);
        Assert.Equal("2020-10-20", (string?)scheduled["data"]!["closesOn"]);
        Assert.Equal("京人社备〔2020〕001号", (string?)scheduled["data"]!["filingNumber"]);
    }

    [Fact]
    public async Task The_same_acceptance_under_a_new_event_id_opens_and_announces_nothing_again()
    {
        _ = factory.Server;
        var filingId = NewFilingId();
        await AppendAsync(FilingAcceptedEnvelopes.Json($"first-{Guid.NewGuid():N}", filingId, "京人社备〔2020〕021号"));
        var key = FilingAcceptedEnvelopes.BranchEntryKey(filingId);
        await UntilAsync(() => factory.Redis.KeyExistsAsync(key), "the publicity was recorded");
        var recorded = (string?)await factory.Redis.HashGetAsync(key, "record");

        // A copy of the acceptance under another CloudEvents id (a relay publishing twice, a dead letter re-driven by
        // hand): the filing's publicity exists, so it is neither changed nor announced again.
        var copyId = $"copy-{Guid.NewGuid():N}";
        await AppendAsync(FilingAcceptedEnvelopes.Json(copyId, filingId, "京人社备〔2020〕022号"));
        await UntilAsync(() => factory.Redis.KeyExistsAsync($"publication:handled:{copyId}"), "the copy was handled");

        Assert.Equal(recorded, (string?)await factory.Redis.HashGetAsync(key, "record"));
        var announced = (await factory.Redis.StreamRangeAsync("publication-events", "-", "+"))
            .Select(entry => JsonNode.Parse(entry["data"].ToString())!)
            .Count(envelope => (string?)envelope["data"]!["entryId"] == FilingAcceptedEnvelopes.BranchEntryId(filingId));
        Assert.Equal(1, announced);
    }

    [Fact]
    public async Task An_acceptance_naming_no_filing_goes_to_the_dead_letters_at_once()
    {
        _ = factory.Server;
        var eventId = $"broken-{Guid.NewGuid():N}";
        await AppendAsync(FilingAcceptedEnvelopes.Json(eventId, filingId: "", "京人社备〔2020〕003号"));

        await UntilAsync(
            async () => (await factory.Redis.StreamRangeAsync($"{Topic}-deadletter", "-", "+"))
                .Any(entry => entry["data"].ToString().Contains(eventId, StringComparison.Ordinal) && entry["appid"] == "publication"),
            "the poison acceptance was dead-lettered by publication");
        Assert.False(await factory.Redis.KeyExistsAsync("publication:publicity:branch~2020~"));
    }

    private static string NewFilingId() => $"2020/{Guid.NewGuid():N}"[..17];

    private async Task AppendAsync(string envelope) => await factory.Redis.StreamAddAsync(Topic, [new NameValueEntry("data", envelope)]);

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
