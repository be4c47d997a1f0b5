using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Grpc.Core;
using Pilot.SharedKernel;
using Proto = Pilot.Protos.Publication;

namespace Pilot.Demo;

/// <summary>
/// Step 5 of the notice (三.5, 五.3) on the demo's batch: the two accepted branches of 中国交通运输协会职业技能评价中心 and
/// the organisation itself go into publicity; a member of the public objects to each branch; Guangdong upholds its
/// objection (the branch is withdrawn) and Beijing dismisses its own; the windows close (minutes, in Development);
/// the national centre publishes version 1 of the directory, which reads back over HTTP JSON and verifies by its hash.
/// Request ids are fixed, so a rerun against the same Redis gets the stored answers.
/// </summary>
internal sealed class PublicationDemo(DemoContext context, DemoSteps steps)
{
    private const string Organisation = "organisation~" + RegistryDemo.BatchId + "~org-jtpj";
    private const string Beijing = "branch~" + RegistryDemo.BatchId + "~br-jtpj-bj";
    private const string Guangdong = "branch~" + RegistryDemo.BatchId + "~br-jtpj-gd";

    /// <summary>How long the demo waits for windows to close: Development windows last minutes (Pilot:Publication:WindowMinutes).</summary>
    private static readonly TimeSpan WindowWait = TimeSpan.FromMinutes(6);

    private readonly Proto.Publication.PublicationClient publication = new(context.Channel("publication"));

    public async Task RunAsync()
    {
        await steps.Expect("the accepted branches and their organisation go into publicity (ListPublicity)", () => UntilAsync(async () =>
        {
            var listed = await publication.ListPublicityAsync(new Proto.ListPublicityRequest { BatchId = RegistryDemo.BatchId, IncludeEnded = true }).ConfigureAwait(false);
            var ids = listed.Entries.Select(entry => entry.EntryId).ToHashSet(StringComparer.Ordinal);
            return ids.IsSupersetOf([Organisation, Beijing, Guangdong])
                ? string.Join("; ", listed.Entries.Select(entry => $"{entry.OrganisationName} {entry.BranchName} until {entry.ClosesOn}".Trim()))
                : null;
        }, TimeSpan.FromSeconds(30))).ConfigureAwait(false);

        var guangdongObjection = await RaiseAsync(Guangdong, "demo-objection-gd-0000000001", "广东分中心公示的考评场地实为仓库，未见考评设备。", "13912345678").ConfigureAwait(false);
        var beijingObjection = await RaiseAsync(Beijing, "demo-objection-bj-0000000001", "北京分中心的考评人员名单中有人不在该单位任职。", null).ConfigureAwait(false);
        await steps.ExpectRefusal("an objection without a contact is refused (RaiseObjection, R9)", "R9", async () =>
            (await publication.RaiseObjectionAsync(new Proto.RaiseObjectionRequest
            {
                RequestId = "demo-objection-nocontact-01",
                EntryId = Beijing,
                Description = "没有留下联系方式的异议，不予受理。",
            }).ConfigureAwait(false)).ObjectionId).ConfigureAwait(false);

        if (guangdongObjection is not null)
        {
            await steps.Expect("guangdong-hr upholds the objection to 广东分中心: withdrawn (ResolveObjection, R5)", () =>
                ResolveAsync(Bureau("440000", "guangdong-hr"), guangdongObjection, Proto.ObjectionOutcome.Upheld, "经现场核查，考评场地不符合要求，撤销本次公示")).ConfigureAwait(false);
        }

        if (beijingObjection is not null)
        {
            await steps.ExpectRefusal("guangdong-hr resolving a Beijing objection is refused (ResolveObjection, R6)", "R6", () =>
                ResolveAsync(Bureau("440000", "guangdong-hr"), beijingObjection, Proto.ObjectionOutcome.Upheld, "越权处理")).ConfigureAwait(false);
            await steps.Expect("beijing-hr dismisses the objection to 北京分中心 (ResolveObjection)", () =>
                ResolveAsync(Bureau("110000", "beijing-hr"), beijingObjection, Proto.ObjectionOutcome.Dismissed, "经核查，相关人员为该单位在职人员，异议不成立")).ConfigureAwait(false);
        }

        await steps.Expect("the windows close: the organisation and 北京分中心 pass (GetPublicityEntry)", () => UntilAsync(async () =>
        {
            var organisation = await publication.GetPublicityEntryAsync(new Proto.GetPublicityEntryRequest { EntryId = Organisation }).ConfigureAwait(false);
            var beijing = await publication.GetPublicityEntryAsync(new Proto.GetPublicityEntryRequest { EntryId = Beijing }).ConfigureAwait(false);
            return organisation.Status == Proto.PublicityStatus.Passed && beijing.Status == Proto.PublicityStatus.Passed
                ? $"{organisation.OrganisationName} passed; {beijing.BranchName} passed after {beijing.Objections.Count} objection(s) dismissed"
                : null;
        }, WindowWait)).ConfigureAwait(false);

        await steps.Expect("the national centre publishes the directory, version 1 (PublishDirectory)", async () =>
        {
            var version = await publication.PublishDirectoryAsync(
                new Proto.PublishDirectoryRequest { RequestId = "demo-publish-" + RegistryDemo.BatchId, BatchId = RegistryDemo.BatchId }, Centre()).ConfigureAwait(false);
            return $"v{version.Version}: {version.OrganisationCount} organisation(s), {version.BranchCount} branch(es), sha256 {version.ExportSha256[..16]}…";
        }).ConfigureAwait(false);

        await steps.Expect("anyone reads the directory over HTTP JSON and checks its hash (QueryDirectory, export)", ReadOverHttpAsync).ConfigureAwait(false);
    }

    private async Task<string?> RaiseAsync(string entryId, string requestId, string description, string? phone)
    {
        string? objectionId = null;
        await steps.Expect($"a member of the public objects to {entryId} (RaiseObjection)", async () =>
        {
            var receipt = await publication.RaiseObjectionAsync(new Proto.RaiseObjectionRequest
            {
                RequestId = requestId,
                EntryId = entryId,
                Description = description,
                ContactPhone = phone ?? string.Empty,
                ContactEmail = phone is null ? "jubao@example.cn" : string.Empty,
            }).ConfigureAwait(false);
            objectionId = receipt.ObjectionId;
            return $"{receipt.ObjectionId}, window until {receipt.ClosesOn}";
        }).ConfigureAwait(false);
        return objectionId;
    }

    private async Task<string> ResolveAsync(CallOptions resolver, string objectionId, Proto.ObjectionOutcome outcome, string reason)
    {
        var resolved = await publication.ResolveObjectionAsync(
            new Proto.ResolveObjectionRequest { RequestId = $"demo-resolve-{objectionId}-{outcome}", ObjectionId = objectionId, Outcome = outcome, Reason = reason }, resolver).ConfigureAwait(false);
        return $"{resolved.ObjectionId} {resolved.Status}: {resolved.Reason}";
    }

    private async Task<string> ReadOverHttpAsync()
    {
        if (!context.Services.TryGetValue("publication-http", out var baseAddress))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "the AppHost gave the demo no publication http endpoint"));
        }

        using var http = new HttpClient { BaseAddress = baseAddress };
        JsonElement page;
        byte[] export;
        try
        {
            page = await http.GetFromJsonAsync<JsonElement>($"/v1/directory/{RegistryDemo.BatchId}/organisations").ConfigureAwait(false);
            export = await http.GetByteArrayAsync($"/v1/directory/{RegistryDemo.BatchId}/versions/0/export?format=json").ConfigureAwait(false);
        }
        catch (HttpRequestException error)
        {
            // Reported as a failed step like any other, not a crash of the demo.
            throw new RpcException(new Status(StatusCode.Unavailable, $"HTTP {(int?)error.StatusCode}: {error.Message}"));
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(export));
        if (hash != page.GetProperty("exportSha256").GetString())
        {
            throw new RpcException(new Status(StatusCode.DataLoss, $"the export hashes to {hash}, the directory says {page.GetProperty("exportSha256").GetString()}"));
        }

        var organisations = page.GetProperty("organisations").EnumerateArray()
            .Select(organisation => organisation.GetProperty("name").GetString() + " (" + string.Join(", ", organisation.GetProperty("branches").EnumerateArray().Select(branch => branch.GetProperty("name").GetString())) + ")");
        return $"{string.Join("; ", organisations)}; sha256 verified";
    }

    private static async Task<string> UntilAsync(Func<Task<string?>> check, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await check().ConfigureAwait(false) is { } outcome)
            {
                return outcome;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"not reached within {timeout.TotalSeconds:0} s"));
            }

            await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }
    }

    private CallOptions Bureau(string region, string system) =>
        new(DemoContext.Bearer(context.Tokens.Issue(Roles.ProvincialHr, region: region, subject: $"{system}-clerk", system: system)));

    private CallOptions Centre() =>
        new(DemoContext.Bearer(context.Tokens.Issue(Roles.NationalCentre, subject: "centre-clerk", system: "osta-directory")));
}
