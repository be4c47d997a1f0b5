using System.Text.Json.Nodes;
using StackExchange.Redis;

namespace Pilot.Publication.Tests.Publicity;

/// <summary>The service in process with its scheduler polling often: a window whose time has passed closes once.</summary>
public sealed class WindowClosingTests(WindowClosingTests.Factory factory) : IClassFixture<WindowClosingTests.Factory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_window_whose_time_has_passed_closes_once_the_entry_is_ready_and_the_conclusion_is_announced()
    {
        _ = factory.Server;
        var filingId = $"2020/{Guid.NewGuid():N}"[..17];
        var acceptance = FilingAcceptedEnvelopes.Json($"w-{Guid.NewGuid():N}", filingId, "京人社备〔2020〕031号");
        await factory.Redis.StreamAddAsync(FilingAcceptedEnvelopes.Topic, [new NameValueEntry("data", acceptance)]);

        // Accepted in October 2020: its window closed long ago, so the scheduler closes it at its next pass.
        var key = FilingAcceptedEnvelopes.BranchEntryKey(filingId);
        var entryId = FilingAcceptedEnvelopes.BranchEntryId(filingId);
        await UntilAsync(async () => (string?)await factory.Redis.HashGetAsync(key, "status") == "Passed", "the window closed");

        var record = JsonNode.Parse((string)(await factory.Redis.HashGetAsync(key, "record"))!)!;
        Assert.Equal("Passed", (string?)record["status"]);
        Assert.Equal("2020-10-21T00:00:00+08:00", (string?)record["period"]!["closesAt"]);
        Assert.NotNull(await factory.Redis.SortedSetScoreAsync("publication:ready:2020", entryId));
        Assert.False(await factory.Redis.KeyExistsAsync($"publication:jobs:job:close-window:{entryId}"), "the close job is done");

        // Announced once, after the publicity itself.
        await Task.Delay(300, Ct);
        var types = (await factory.Redis.StreamRangeAsync("publication-events", "-", "+"))
            .Select(entry => JsonNode.Parse(entry["data"].ToString())!)
            .Where(envelope => (string?)envelope["data"]!["entryId"] == entryId)
            .Select(envelope => ((string?)envelope["type"], (string?)envelope["data"]!["outcome"]))
            .ToList();
        Assert.Equal([("pilot.publication.publicity-scheduled.v1", null), ("pilot.publication.publicity-concluded.v1", "passed")], types);
    }

    private async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            await Task.Delay(50, deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            Assert.False(deadline.IsCancellationRequested, $"timed out waiting until {what}");
        }
    }

    public sealed class Factory : PublicityFactory
    {
        protected override TimeSpan WindowPollInterval => TimeSpan.FromMilliseconds(100);
    }
}
