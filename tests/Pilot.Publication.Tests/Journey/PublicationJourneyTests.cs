using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Pilot.Scheduling;
using Pilot.SharedKernel;
using Pilot.Testing.Services;
using StackExchange.Redis;
using Proto = Pilot.Protos.Publication;

namespace Pilot.Publication.Tests.Journey;

/// <summary>
/// The whole of step 5 through the service's own surface, in one batch: Registry facts and two acceptances arrive as
/// events; the public reads and objects; the bureaus resolve; the windows close on a moved clock; the centre publishes
/// the directory, which reads back over gRPC and HTTP JSON and verifies by its hash.
/// </summary>
public sealed class PublicationJourneyTests(JourneyFactory factory) : IClassFixture<JourneyFactory>
{
    private const string Batch = "2020-9";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task From_two_acceptances_to_a_verified_directory_with_one_objection_upheld_and_one_dismissed()
    {
        var client = new Proto.Publication.PublicationClient(factory.CreateChannel());
        await SeedAsync();
        var beijing = $"branch~{Batch}~br-jt-bj";
        var shanghai = $"branch~{Batch}~br-jt-sh";
        var organisation = $"organisation~{Batch}~org-jt";
        await UntilAsync(async () => (await client.ListPublicityAsync(new Proto.ListPublicityRequest { BatchId = Batch }, cancellationToken: Ct)).Entries.Count == 3, "three entries opened");

        // What the public reads: names, codes and the sponsor from Publication's own copy of the Registry's facts.
        var listed = await client.ListPublicityAsync(new Proto.ListPublicityRequest { BatchId = Batch, RegionCode = "110000" }, cancellationToken: Ct);
        var entry = Assert.Single(listed.Entries);
        Assert.Equal((beijing, "中国交通培训评价中心", "北京分中心", "交通运输部", "汽车维修工"), (entry.EntryId, entry.OrganisationName, entry.BranchName, entry.SponsorName, entry.Occupations[0].Name));
        Assert.Equal((Proto.PublicityStatus.Open, "2020-10-20"), (entry.Status, entry.ClosesOn));
        Assert.True(entry.WorkingDaysLeft is > 0 and <= 5, $"{entry.WorkingDaysLeft} working days left");

        // Objections: anyone, no login; a retry with the same request id raises nothing twice; a bad one stores nothing.
        var raise = Objection(beijing, "0a1b2c3d-aaaa-bbbb-cccc-000000000001", evidence: Png);
        var receipt = await client.RaiseObjectionAsync(raise, cancellationToken: Ct);
        Assert.Equal(receipt.ObjectionId, (await client.RaiseObjectionAsync(raise, cancellationToken: Ct)).ObjectionId);
        var keysBefore = await KeyCountAsync();
        var badContact = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.RaiseObjectionAsync(Objection(beijing, "0a1b2c3d-aaaa-bbbb-cccc-000000000002", phone: "12345"), cancellationToken: Ct));
        var wrongFile = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.RaiseObjectionAsync(Objection(beijing, "0a1b2c3d-aaaa-bbbb-cccc-000000000003", evidence: "MZ\u0090 not an image"u8.ToArray()), cancellationToken: Ct));
        var oversize = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.RaiseObjectionAsync(Objection(beijing, "0a1b2c3d-aaaa-bbbb-cccc-000000000004", description: new string('长', 2001)), cancellationToken: Ct));
        Assert.All([badContact, wrongFile, oversize], error => Assert.Equal(StatusCode.InvalidArgument, error.StatusCode));
        Assert.Contains(badContact.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations, violation => violation.Field == "contact_phone");
        Assert.Equal(keysBefore, await KeyCountAsync());
        var onShanghai = await client.RaiseObjectionAsync(Objection(shanghai, "0a1b2c3d-aaaa-bbbb-cccc-000000000005"), cancellationToken: Ct);

        // The public sees that an objection was raised, never who raised it or how to reach them.
        var publicView = await client.GetPublicityEntryAsync(new Proto.GetPublicityEntryRequest { EntryId = beijing }, cancellationToken: Ct);
        Assert.Equal(Proto.ObjectionStatus.Open, Assert.Single(publicView.Objections).Status);
        Assert.DoesNotContain("13800138000", publicView.ToString(), StringComparison.Ordinal);

        // Resolution: the bureau of the branch's region (or the centre), not another bureau.
        var shanghaiBureau = Bearer.Header(factory.Tokens.Issue(Roles.ProvincialHr, region: "310000", subject: "sh-clerk", system: "sh-hrss"));
        var beijingBureau = Bearer.Header(factory.Tokens.Issue(Roles.ProvincialHr, region: "110000", subject: "bj-clerk", system: "bj-hrss"));
        var centre = Bearer.Header(factory.Tokens.Issue(Roles.NationalCentre, subject: "centre-clerk"));
        var foreign = await Assert.ThrowsAsync<RpcException>(async () => await client.ResolveObjectionAsync(
            Resolve(receipt.ObjectionId, Proto.ObjectionOutcome.Upheld, "r-1"), shanghaiBureau, cancellationToken: Ct));
        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
        var listedForBeijing = await client.ListObjectionsAsync(new Proto.ListObjectionsRequest { BatchId = Batch }, beijingBureau, cancellationToken: Ct);
        var contactVisible = Assert.Single(listedForBeijing.Objections);
        Assert.Equal(("13800138000", 1), (contactVisible.ContactPhone, contactVisible.History.Count));
        var evidence = await client.GetObjectionEvidenceAsync(new Proto.GetObjectionEvidenceRequest { ObjectionId = receipt.ObjectionId }, beijingBureau, cancellationToken: Ct);
        Assert.Equal("png", evidence.File.Kind);
        Assert.Equal(Png, evidence.Content.ToByteArray());
        var upheld = await client.ResolveObjectionAsync(Resolve(receipt.ObjectionId, Proto.ObjectionOutcome.Upheld, "r-2"), beijingBureau, cancellationToken: Ct);
        Assert.Equal(("upheld", "bj-clerk", "bj-hrss"), (upheld.History[^1].Action, upheld.History[^1].Actor, upheld.History[^1].System));
        Assert.Equal(Proto.PublicityStatus.Withdrawn, (await client.GetPublicityEntryAsync(new Proto.GetPublicityEntryRequest { EntryId = beijing }, cancellationToken: Ct)).Status);

        // The windows close: the organisation passes, Shanghai waits for its objection, and then no one may object.
        factory.Clock.SetUtcNow(new DateTimeOffset(2020, 10, 21, 0, 0, 1, TimeSpan.FromHours(8)));
        await factory.Services.GetRequiredService<IScheduledJobRunner>().RunDueAsync(Ct);
        await UntilAsync(
            async () => (await client.GetPublicityEntryAsync(new Proto.GetPublicityEntryRequest { EntryId = organisation }, cancellationToken: Ct)).Status == Proto.PublicityStatus.Passed,
            "the organisation's window closed (by this pass or the poller the moved clock woke)");
        await UntilAsync(
            async () => (await client.GetPublicityEntryAsync(new Proto.GetPublicityEntryRequest { EntryId = shanghai }, cancellationToken: Ct)).Status == Proto.PublicityStatus.AwaitingResolution,
            "Shanghai's window closed onto its unresolved objection");
        var late = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.RaiseObjectionAsync(Objection(shanghai, "0a1b2c3d-aaaa-bbbb-cccc-000000000006"), cancellationToken: Ct));
        Assert.Equal(StatusCode.FailedPrecondition, late.StatusCode);
        await client.ResolveObjectionAsync(Resolve(onShanghai.ObjectionId, Proto.ObjectionOutcome.Dismissed, "r-3"), shanghaiBureau, cancellationToken: Ct);
        Assert.Equal(Proto.PublicityStatus.Passed, (await client.GetPublicityEntryAsync(new Proto.GetPublicityEntryRequest { EntryId = shanghai }, cancellationToken: Ct)).Status);

        // The directory: only the centre publishes; version 1 lists the organisation with its Shanghai branch alone.
        var notCentre = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.PublishDirectoryAsync(new Proto.PublishDirectoryRequest { RequestId = "p-0", BatchId = Batch }, beijingBureau, cancellationToken: Ct));
        Assert.Equal(StatusCode.PermissionDenied, notCentre.StatusCode);
        var version = await client.PublishDirectoryAsync(new Proto.PublishDirectoryRequest { RequestId = "p-1", BatchId = Batch }, centre, cancellationToken: Ct);
        Assert.Equal((1, 1, 1, ""), (version.Version, version.OrganisationCount, version.BranchCount, version.PreviousSha256));
        Assert.Equal(["br-jt-sh"], version.Diff.AddedBranchIds);
        var again = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.PublishDirectoryAsync(new Proto.PublishDirectoryRequest { RequestId = "p-2", BatchId = Batch }, centre, cancellationToken: Ct));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);

        var found = await client.QueryDirectoryAsync(new Proto.QueryDirectoryRequest { BatchId = Batch, Name = "交通", RegionCode = "310000" }, cancellationToken: Ct);
        Assert.Equal(("org-jt", "br-jt-sh"), (Assert.Single(found.Organisations).OrganisationId, Assert.Single(found.Organisations[0].Branches).BranchId));
        Assert.Empty((await client.QueryDirectoryAsync(new Proto.QueryDirectoryRequest { BatchId = Batch, RegionCode = "110000" }, cancellationToken: Ct)).Organisations);
        var one = await client.GetDirectoryEntryAsync(new Proto.GetDirectoryEntryRequest { BatchId = Batch, OrganisationId = "org-jt" }, cancellationToken: Ct);
        Assert.Equal(("交通运输部", 1, "沪人社备〔2020〕001号"), (one.SponsorName, one.Version, Assert.Single(one.Branches).FilingNumber));
        var absent = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.GetDirectoryEntryAsync(new Proto.GetDirectoryEntryRequest { BatchId = Batch, OrganisationId = "org-none" }, cancellationToken: Ct));
        Assert.Equal(StatusCode.NotFound, absent.StatusCode);
        var export = await client.ExportDirectoryAsync(new Proto.ExportDirectoryRequest { BatchId = Batch, Format = Proto.ExportFormat.Json }, cancellationToken: Ct);
        Assert.Equal(version.ExportSha256, Convert.ToHexStringLower(SHA256.HashData(export.Content.Span)));

        // The same over HTTP JSON, as a browser or curl would read it.
        using var http = factory.CreateClient();
        var page = await http.GetFromJsonAsync<JsonElement>($"/v1/directory/{Batch}/organisations?name=%E4%BA%A4%E9%80%9A", Ct);
        Assert.Equal("中国交通培训评价中心", page.GetProperty("organisations")[0].GetProperty("name").GetString());
        var downloaded = await http.GetByteArrayAsync($"/v1/directory/{Batch}/versions/1/export?format=json", Ct);
        Assert.Equal(version.ExportSha256, Convert.ToHexStringLower(SHA256.HashData(downloaded)));
        var csv = await http.GetByteArrayAsync($"/v1/directory/{Batch}/versions/0/export?format=csv", Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Contains("上海分中心", Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
        var entryOverHttp = await http.GetFromJsonAsync<JsonElement>($"/v1/directory/{Batch}/organisations/org-jt", Ct);
        Assert.Equal("上海分中心", entryOverHttp.GetProperty("branches")[0].GetProperty("name").GetString());
        using (var missing = await http.GetAsync($"/v1/directory/{Batch}/organisations/org-none", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        var versions = await http.GetFromJsonAsync<JsonElement>($"/v1/directory/{Batch}/versions", Ct);
        Assert.Equal(version.ExportSha256, versions.GetProperty("versions")[0].GetProperty("exportSha256").GetString());

        // Announced for the platform, in order, each once.
        var announced = await AnnouncedAsync();
        Assert.Equal(2, announced.Count(e => e.Type == "pilot.publication.objection-raised.v1"));
        Assert.Equal(["upheld", "dismissed"], announced.Where(e => e.Type == "pilot.publication.objection-resolved.v1").Select(e => (string?)e.Data["outcome"]));
        Assert.Equal(
            [(beijing, "withdrawn"), (organisation, "passed"), (shanghai, "passed")],
            announced.Where(e => e.Type == "pilot.publication.publicity-concluded.v1").Select(e => ((string?)e.Data["entryId"], (string?)e.Data["outcome"])));
        var published = Assert.Single(announced, e => e.Type == "pilot.publication.directory-published.v1");
        Assert.Equal(version.ExportSha256, (string?)published.Data["exportSha256"]);
        Assert.DoesNotContain(announced, e => e.Data.ToJsonString().Contains("13800138000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_public_http_routes_are_described_in_the_openapi_document()
    {
        using var http = factory.CreateClient();
        using var response = await http.GetAsync("/openapi/v1.json", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["paths"]!.AsObject().Select(path => path.Key).ToList();

        Assert.True(paths.Contains("/v1/publicity"), string.Join(" ", paths));
        Assert.True(paths.Contains("/v1/publicity/{entryId}/objections"), string.Join(" ", paths));
        Assert.Contains("/v1/directory/{batchId}/organisations", paths);
        Assert.DoesNotContain(paths, path => path.Contains("Resolve", StringComparison.OrdinalIgnoreCase) || path.Contains("Publish", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_objection_over_http_json_is_refused_with_the_field_and_a_bad_page_token_is_invalid_argument()
    {
        using var http = factory.CreateClient();
        using var refused = await http.PostAsJsonAsync($"/v1/publicity/branch~{Batch}~br-none/objections", new { requestId = Guid.NewGuid().ToString(), description = "短", contactPhone = "13800138000" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("description", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var client = new Proto.Publication.PublicationClient(factory.CreateChannel());
        var token = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.ListPublicityAsync(new Proto.ListPublicityRequest { BatchId = Batch, PageToken = "0-0" }, cancellationToken: Ct));
        Assert.Equal(StatusCode.InvalidArgument, token.StatusCode);
    }

    private async Task SeedAsync()
    {
        await AppendAsync("registry-events", CloudEvents.OrganisationRegistered("org-jt", "中国交通培训评价中心", "12100000400000624D"));
        await AppendAsync("registry-events", CloudEvents.Recommended(Batch, "dept-jt", "交通运输部", "org-jt"));
        await AppendAsync("registry-events", CloudEvents.BranchAdded("br-jt-bj", "org-jt", Batch, "北京分中心", "91110000MA01ABCD1X", "110000", "北京市"));
        await AppendAsync("registry-events", CloudEvents.BranchAdded("br-jt-sh", "org-jt", Batch, "上海分中心", "91310000MA1FL0XX3B", "310000", "上海市"));
        var copied = "publication:copy:branch:br-jt-sh";
        await UntilAsync(() => factory.Redis.KeyExistsAsync(copied), "the Registry's facts were copied");
        var acceptedAt = new DateTimeOffset(2020, 10, 13, 15, 0, 0, TimeSpan.FromHours(8));
        await AppendAsync("filing-events", CloudEvents.FilingAccepted(Batch, "br-jt-bj", "org-jt", "110000", "北京市", "京人社备〔2020〕001号", acceptedAt));
        await AppendAsync("filing-events", CloudEvents.FilingAccepted(Batch, "br-jt-sh", "org-jt", "310000", "上海市", "沪人社备〔2020〕001号", acceptedAt));
    }

    private static Proto.RaiseObjectionRequest Objection(string entryId, string requestId, string phone = "13800138000", byte[]? evidence = null, string? description = null) => new()
    {
        RequestId = requestId,
        EntryId = entryId,
        Description = description ?? "该分支机构的考评场地与公示地址不符，请核查。",
        ContactPhone = phone,
        Evidence = evidence is null ? ByteString.Empty : ByteString.CopyFrom(evidence),
        EvidenceFileName = evidence is null ? string.Empty : "现场照片.png",
    };

    private static Proto.ResolveObjectionRequest Resolve(string objectionId, Proto.ObjectionOutcome outcome, string requestId) =>
        new() { RequestId = requestId, ObjectionId = objectionId, Outcome = outcome, Reason = outcome == Proto.ObjectionOutcome.Upheld ? "核查属实" : "经核查不属实" };

    private async Task<long> KeyCountAsync() => (long)await factory.Redis.ExecuteAsync("DBSIZE");

    private async Task AppendAsync(string topic, string envelope) => await factory.Redis.StreamAddAsync(topic, [new NameValueEntry("data", envelope)]);

    private async Task<List<(string Type, JsonNode Data)>> AnnouncedAsync() =>
        (await factory.Redis.StreamRangeAsync("publication-events", "-", "+"))
            .Select(entry => JsonNode.Parse(entry["data"].ToString())!)
            .Where(envelope => (string?)envelope["data"]!["batchId"] == Batch)
            .Select(envelope => ((string)envelope["type"]!, envelope["data"]!))
            .ToList();

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
