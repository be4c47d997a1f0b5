using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Pilot.InfoPlatform.Tests.Support;
using StackExchange.Redis;
using static Pilot.InfoPlatform.Tests.Support.PublicationData;

namespace Pilot.InfoPlatform.Tests;

/// <summary>The page a person reads, and the check of a version against Publication's own export.</summary>
public sealed class PageTests(RedisServerFixture redis) : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.For<PageTests>(redis);

    private IDatabase Db => _database.Db;

    public async ValueTask InitializeAsync() => await _database.FlushAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task Handled() =>
        Eventually.HoldsAsync(() => _database.AllAcknowledgedAsync(Envelopes.Topic, PlatformHost.AppId), "every event on publication-events is handled");

    [Fact]
    public async Task The_page_shows_publicity_and_the_directory_in_Chinese_as_UTF8_with_event_text_encoded()
    {
        await using var platform = await PlatformHost.StartAsync(_database);
        await Db.PublishAsync("p-1", Scheduled, BranchScheduled("pe-p", name: "北京分中心<script>alert(1)</script>"));
        await Db.PublishAsync("p-2", Raised, ObjectionRaised("pe-p", "obj-p"));
        await Db.PublishAsync("p-3", Resolved, ObjectionResolved("pe-p", "obj-p", "dismissed", "经核查，异议不成立"));
        await Db.PublishAsync("p-4", Published, DirectoryPublished("2020-1", 1, Sha('d'), null));
        await Handled();

        using var response = await platform.Http.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var page = Encoding.UTF8.GetString(bytes);
        Assert.Contains("<meta charset=\"utf-8\">", page, StringComparison.Ordinal);
        Assert.Contains("公示中", page, StringComparison.Ordinal);
        Assert.Contains("京人社备〔2020〕001号", page, StringComparison.Ordinal);
        Assert.Contains("2020-10-12 至 2020-10-16", page, StringComparison.Ordinal);
        Assert.Contains("异议不成立：经核查，异议不成立", page, StringComparison.Ordinal);
        Assert.Contains("北京市", page, StringComparison.Ordinal);
        Assert.Contains("批次 2020-1 · 第 1 版", page, StringComparison.Ordinal);
        Assert.Contains(Sha('d'), page, StringComparison.Ordinal);
        Assert.Contains("交通运输部", page, StringComparison.Ordinal);
        Assert.Contains("汽车维修工 4-12-01-01 3/4/5 级", page, StringComparison.Ordinal);
        Assert.Contains("完整（第 1–1 版", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("北京分中心&lt;script&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_Publication_configured_the_export_check_is_off_and_the_page_says_so()
    {
        await using var platform = await PlatformHost.StartAsync(_database, "--InfoPlatform:PublicationUrl=");
        await Db.PublishAsync("n-1", Published, DirectoryPublished("2020-1", 1, Sha('a'), null));
        await Db.PublishAsync("n-2", Scheduled, BranchScheduled("pe-n"));
        await Handled();

        Assert.Contains("未启用", await platform.Http.GetStringAsync("/", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("Healthy", await platform.Http.GetStringAsync("/health", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task With_Publication_configured_each_new_version_is_checked_against_the_SHA256_of_its_export()
    {
        var export = Encoding.UTF8.GetBytes("{\"batchId\":\"2020-1\",\"version\":1,\"organisations\":[{\"name\":\"中国交通运输协会职业技能评价中心\"}]}");
        var exportSha256 = Convert.ToHexStringLower(SHA256.HashData(export));
        var publicationPort = LoopbackPorts.ForImmediateUse();
        var publication = WebApplication.CreateBuilder([$"--urls=http://127.0.0.1:{publicationPort}", "--Logging:LogLevel:Default=Warning"]).Build();
        publication.MapGet("/v1/directory/{batchId}/versions/{version:int}/export", (string batchId, int version, string format) =>
            batchId == "2020-1" && version <= 2 && format == "json" ? Results.Bytes(export, "application/json") : Results.NotFound());
        await publication.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await using var platform = await PlatformHost.StartAsync(
                _database, $"--InfoPlatform:PublicationUrl=http://127.0.0.1:{publicationPort}/", "--InfoPlatform:ExportFetchAttempts=1");
            await Db.PublishAsync("x-1", Published, DirectoryPublished("2020-1", 1, exportSha256, null));
            await Db.PublishAsync("x-2", Published, DirectoryPublished("2020-1", 2, Sha('e'), exportSha256));
            await Db.PublishAsync("x-3", Published, DirectoryPublished("2020-1", 3, Sha('f'), Sha('e')));
            await Handled();

            async Task<string?> StatusOf(int version) =>
                (await platform.GetJsonAsync($"api/directory/2020-1/versions/{version}")).GetProperty("exportCheck") is { ValueKind: System.Text.Json.JsonValueKind.Object } check
                    ? check.GetProperty("status").GetString()
                    : null;
            await Eventually.HoldsAsync(async () => await StatusOf(3) is not null, "the three versions are checked");
            Assert.Equal("matches", await StatusOf(1));
            Assert.Equal("differs", await StatusOf(2));
            Assert.Equal("unavailable", await StatusOf(3));
            var page = await platform.Http.GetStringAsync("/", TestContext.Current.CancellationToken);
            Assert.Contains("无法获取导出文件", page, StringComparison.Ordinal);
        }
        finally
        {
            await publication.StopAsync(TestContext.Current.CancellationToken);
            await publication.DisposeAsync();
        }
    }
}
