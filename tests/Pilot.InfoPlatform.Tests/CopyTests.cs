using System.Text.Json;
using Pilot.InfoPlatform.Tests.Support;
using StackExchange.Redis;
using static Pilot.InfoPlatform.Tests.Support.PublicationData;

namespace Pilot.InfoPlatform.Tests;

/// <summary>The copy kept from publication-events, end to end: redis-server stream → stand-in → route → copy → JSON.</summary>
public sealed class CopyTests(RedisServerFixture redis) : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.For<CopyTests>(redis);

    private IDatabase Db => _database.Db;

    public async ValueTask InitializeAsync() => await _database.FlushAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task Handled() =>
        Eventually.HoldsAsync(() => _database.AllAcknowledgedAsync(Envelopes.Topic, PlatformHost.AppId), "every event on publication-events is handled");

    [Fact]
    public async Task Publicity_with_its_objections_and_conclusion_is_copied_and_served_as_JSON()
    {
        await using var platform = await PlatformHost.StartAsync(_database);
        await Db.PublishAsync("ev-1", Scheduled, BranchScheduled("pe-1"));
        await Db.PublishAsync("ev-2", Raised, ObjectionRaised("pe-1", "obj-1"));
        await Db.PublishAsync("ev-3", Raised, ObjectionRaised("pe-1", "obj-2"));
        await Db.PublishAsync("ev-4", Resolved, ObjectionResolved("pe-1", "obj-1", "dismissed", "材料齐全，异议不成立"));
        await Handled();

        var entry = (await platform.EntryAsync("pe-1"))!.Value;
        Assert.Equal("交通运输职业技能评价中心北京分中心", entry.GetProperty("branchName").GetString());
        Assert.Equal("京人社备〔2020〕001号", entry.GetProperty("filingNumber").GetString());
        Assert.Equal("2020-10-16", entry.GetProperty("closesOn").GetString());
        Assert.True(entry.GetProperty("underWay").GetBoolean());
        var objections = entry.GetProperty("objections").EnumerateArray().ToList();
        Assert.Equal(["obj-1", "obj-2"], objections.Select(o => o.GetProperty("objectionId").GetString()));
        Assert.Equal("dismissed", objections[0].GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, objections[1].GetProperty("outcome").ValueKind);

        await Db.PublishAsync("ev-5", Resolved, ObjectionResolved("pe-1", "obj-2", "upheld", "备案信息与实际不符"));
        await Db.PublishAsync("ev-6", Concluded, PublicityConcluded("pe-1", "withdrawn"));
        await Handled();
        entry = (await platform.EntryAsync("pe-1"))!.Value;
        Assert.False(entry.GetProperty("underWay").GetBoolean());
        Assert.Equal("withdrawn", entry.GetProperty("outcome").GetString());
        Assert.Equal("upheld", entry.GetProperty("objections")[1].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task An_objection_that_arrives_before_its_entry_is_kept_and_the_entry_fills_in_around_it()
    {
        await using var platform = await PlatformHost.StartAsync(_database);
        await Db.PublishAsync("early-1", Raised, ObjectionRaised("pe-2", "obj-9"));
        await Db.PublishAsync("early-2", Scheduled, BranchScheduled("pe-2"));
        await Handled();

        var entry = (await platform.EntryAsync("pe-2"))!.Value;
        Assert.True(entry.GetProperty("announced").GetBoolean());
        Assert.Equal("obj-9", Assert.Single(entry.GetProperty("objections").EnumerateArray().ToList()).GetProperty("objectionId").GetString());
    }

    [Fact]
    public async Task A_redelivered_event_with_the_same_id_changes_nothing()
    {
        await using var platform = await PlatformHost.StartAsync(_database);
        await Db.PublishAsync("same-id", Scheduled, BranchScheduled("pe-3", address: "第一次的地址"));
        await Handled();
        // The same CloudEvent id again (a redelivery or a replayed dead letter), here with other data to make a change visible.
        await Db.PublishAsync("same-id", Scheduled, BranchScheduled("pe-3", address: "第二次的地址"));
        await Handled();

        Assert.Equal("第一次的地址", (await platform.EntryAsync("pe-3"))!.Value.GetProperty("address").GetString());
        Assert.True(await Db.KeyExistsAsync("infoplatform:handled:same-id"));
    }

    [Fact]
    public async Task An_older_directory_version_arriving_after_a_newer_one_does_not_replace_it()
    {
        await using var platform = await PlatformHost.StartAsync(_database);
        await Db.PublishAsync("dir-2", Published, DirectoryPublished("2020-1", 2, Sha('b'), Sha('a'), organisationName: "第二版的名称"));
        await Handled();
        await Db.PublishAsync("dir-1", Published, DirectoryPublished("2020-1", 1, Sha('a'), null, organisationName: "第一版的名称"));
        // Version 2 again under another envelope id, with another hash: a version is immutable, the first copy stays.
        await Db.PublishAsync("dir-2-again", Published, DirectoryPublished("2020-1", 2, Sha('c'), Sha('a'), organisationName: "被篡改的名称"));
        await Handled();

        var latest = (await platform.DirectoryAsync("2020-1"))!.Value;
        Assert.Equal(2, latest.GetProperty("version").GetInt32());
        Assert.Equal(Sha('b'), latest.GetProperty("exportSha256").GetString());
        Assert.Equal(Sha('a'), latest.GetProperty("previousSha256").GetString());
        Assert.Equal("第二版的名称", latest.GetProperty("organisations")[0].GetProperty("name").GetString());
        Assert.Equal("北京市", latest.GetProperty("organisations")[0].GetProperty("branches")[0].GetProperty("regionName").GetString());
        Assert.Equal([3, 4, 5], latest.GetProperty("organisations")[0].GetProperty("occupations")[0].GetProperty("levels").EnumerateArray().Select(l => l.GetInt32()));
        // Version 1, though late, fills in the chain, which is now whole.
        Assert.True(latest.GetProperty("chain").GetProperty("intact").GetBoolean());
        var first = await platform.GetJsonAsync("api/directory/2020-1/versions/1");
        Assert.Equal(JsonValueKind.Null, first.GetProperty("previousSha256").ValueKind);
    }

    [Fact]
    public async Task A_gap_or_a_wrong_link_in_the_hash_chain_is_reported()
    {
        await using var platform = await PlatformHost.StartAsync(_database);
        await Db.PublishAsync("gap-1", Published, DirectoryPublished("2020-2", 1, Sha('1'), null));
        await Db.PublishAsync("gap-3", Published, DirectoryPublished("2020-2", 3, Sha('3'), Sha('2')));
        await Handled();

        var chain = (await platform.DirectoryAsync("2020-2"))!.Value.GetProperty("chain");
        Assert.False(chain.GetProperty("intact").GetBoolean());
        Assert.Equal([2], chain.GetProperty("missingVersions").EnumerateArray().Select(v => v.GetInt32()));
        var page = await platform.Http.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("缺少第 2 版", page, StringComparison.Ordinal);

        // Version 2 arrives, but names a predecessor that is not version 1's export.
        await Db.PublishAsync("gap-2", Published, DirectoryPublished("2020-2", 2, Sha('2'), Sha('9')));
        await Handled();
        chain = (await platform.DirectoryAsync("2020-2"))!.Value.GetProperty("chain");
        Assert.Empty(chain.GetProperty("missingVersions").EnumerateArray());
        var link = Assert.Single(chain.GetProperty("breaks").EnumerateArray().ToList());
        Assert.Equal(2, link.GetProperty("version").GetInt32());
        Assert.Equal(Sha('9'), link.GetProperty("previousSha256").GetString());
        Assert.Equal(Sha('1'), link.GetProperty("heldSha256OfPrevious").GetString());
        Assert.Contains("第 2 版的上一版本哈希", await platform.Http.GetStringAsync("/", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_data_is_dropped_acknowledged_and_listed_and_unknown_types_are_ignored()
    {
        await using var platform = await PlatformHost.StartAsync(_database);
        await Db.PublishAsync("bad-1", Published, new { batchId = "2020-1", version = "not a number" });
        await Db.PublishAsync("bad-2", Scheduled, new { kind = "branch" });
        await Db.PublishAsync("other-1", "pilot.publication.something-new.v1", new { whatever = 1 });
        await Handled();

        Assert.Equal(0, await Db.StreamLengthAsync("publication-events-deadletter"));
        Assert.Equal(2, await Db.ListLengthAsync("infoplatform:dropped"));
        Assert.Empty((await platform.GetJsonAsync("api/publicity")).EnumerateArray());
        Assert.False(await Db.KeyExistsAsync("infoplatform:publicity"));
        Assert.False(await Db.KeyExistsAsync("infoplatform:directory:batches"));
    }

    [Fact]
    public async Task A_restart_keeps_the_copy_and_goes_on_where_it_stopped()
    {
        await using (var first = await PlatformHost.StartAsync(_database))
        {
            await Db.PublishAsync("r-1", Scheduled, BranchScheduled("pe-r"));
            await Db.PublishAsync("r-2", Published, DirectoryPublished("2020-1", 1, Sha('a'), null));
            await Handled();
        }

        await Db.PublishAsync("r-3", Concluded, PublicityConcluded("pe-r", "passed"));
        await using var second = await PlatformHost.StartAsync(_database);
        await Handled();

        var entry = (await second.EntryAsync("pe-r"))!.Value;
        Assert.Equal("交通运输职业技能评价中心北京分中心", entry.GetProperty("branchName").GetString());
        Assert.Equal("passed", entry.GetProperty("outcome").GetString());
        Assert.Equal(1, (await second.DirectoryAsync("2020-1"))!.Value.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task With_an_app_api_token_only_the_sidecar_reaches_the_routes()
    {
        await using var platform = await PlatformHost.StartAsync(_database, "--APP_API_TOKEN=only-daprd-knows");
        using var forged = new HttpRequestMessage(HttpMethod.Post, "events/publication-events")
        {
            Content = new StringContent(Envelopes.Of("forged", Scheduled, BranchScheduled("pe-forged")), System.Text.Encoding.UTF8, "application/cloudevents+json"),
        };
        using var refused = await platform.Http.SendAsync(forged, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await platform.Http.GetAsync("dapr/subscribe", TestContext.Current.CancellationToken)).StatusCode);

        await Db.PublishAsync("genuine", Scheduled, BranchScheduled("pe-genuine"));
        await Handled();
        Assert.NotNull(await platform.EntryAsync("pe-genuine"));
        Assert.Null(await platform.EntryAsync("pe-forged"));
    }
}
