using System.Globalization;
using Grpc.Core;
using Pilot.SharedKernel;
using Proto = Pilot.Protos.Filing;

namespace Pilot.Demo;

/// <summary>
/// Two provincial HR systems (Beijing, Guangdong) list the filings of their region and decide: Beijing and
/// Guangdong each accept one under their own filing number (Beijing leaves 北京东城考点 submitted, for a reader of
/// docs/filing.md to decide), Guangdong rejects one with a reason, and
/// Guangdong reaching for a Beijing filing is refused (R6). Decisions name version 1 and the submission day,
/// both fixed once the filing exists, so a rerun repeats the same requests and gets the stored answers.
/// </summary>
internal sealed class ProvincialBureauDemo(DemoContext context, DemoSteps steps, Proto.Filing.FilingClient filing)
{
    private const string Beijing = "110000";
    private const string Guangdong = "440000";

    public async Task RunAsync()
    {
        var beijing = Bureau(Beijing, "beijing-hr");
        var guangdong = Bureau(Guangdong, "guangdong-hr");

        await ListAsync("beijing-hr", Beijing, beijing, "br-jtpj-bj", "br-jtpj-bj2").ConfigureAwait(false);
        await ListAsync("guangdong-hr", Guangdong, guangdong, "br-jtpj-gd", "br-cca-gd").ConfigureAwait(false);

        await steps.Expect("beijing-hr accepts 北京分中心 under its filing number (AcceptFiling)", () => AcceptAsync(beijing, "br-jtpj-bj", "京人社备〔2020〕001号")).ConfigureAwait(false);
        await steps.Expect("guangdong-hr accepts 广东分中心 under its filing number (AcceptFiling)", () => AcceptAsync(guangdong, "br-jtpj-gd", "粤人社备〔2020〕001号")).ConfigureAwait(false);
        await steps.Expect("guangdong-hr rejects 广东评价站 with a reason (RejectFiling, R6)", async () =>
        {
            var record = await filing.RejectFilingAsync(new Proto.RejectFilingRequest
            {
                RequestId = "demo-reject-br-cca-gd",
                FilingId = FilingDemo.FilingId("br-cca-gd"),
                ExpectedVersion = 1,
                Reason = "考评人员名单缺少职业资格证明，请补充后重新备案",
            }, guangdong).ConfigureAwait(false);
            return $"{record.FilingId} {record.Status}: {record.Decision?.Reason}";
        }).ConfigureAwait(false);

        await steps.ExpectRefusal("guangdong-hr deciding on a Beijing filing is refused (AcceptFiling, R6, PermissionDenied)", "R6", async () =>
        {
            try
            {
                var record = await filing.AcceptFilingAsync(new Proto.AcceptFilingRequest
                {
                    RequestId = "demo-cross-region-br-jtpj-bj",
                    FilingId = FilingDemo.FilingId("br-jtpj-bj"),
                    ExpectedVersion = 1,
                    FilingNumber = "粤人社备〔2020〕999号",
                    FiledOn = "2020-10-09",
                }, guangdong).ConfigureAwait(false);
                return record.FilingId;
            }
            catch (RpcException error) when (error.StatusCode != StatusCode.PermissionDenied)
            {
                // The rule alone is not the whole promise: a bureau must be told PermissionDenied, not anything else.
                throw new RpcException(new Status(error.StatusCode, $"expected PermissionDenied: {error.Status.Detail}"));
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Every page of the bureau's list: all in its own region, and the demo's filings among them.</summary>
    private Task ListAsync(string system, string region, CallOptions bureau, params string[] expectedBranches) =>
        steps.Expect($"{system} lists the filings of {region}", async () =>
        {
            var filings = new List<Proto.FilingRecord>();
            var request = new Proto.ListFilingsRequest { PageSize = 200 };
            do
            {
                var page = await filing.ListFilingsAsync(request, bureau).ConfigureAwait(false);
                filings.AddRange(page.Filings);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            if (filings.FirstOrDefault(f => f.Region.Code != region) is { } foreign)
            {
                throw new RpcException(new Status(StatusCode.Internal, $"{system} was shown {foreign.FilingId} of {foreign.Region.Code}"));
            }

            var missing = expectedBranches.Select(FilingDemo.FilingId).Except(filings.Select(f => f.FilingId)).ToList();
            if (missing.Count > 0)
            {
                throw new RpcException(new Status(StatusCode.NotFound, $"{system} does not see {string.Join(", ", missing)}"));
            }

            return string.Join("; ", filings.Where(f => expectedBranches.Contains(f.BranchId)).Select(f => $"{f.FilingId} {f.Status}"))
                + $" ({filings.Count} in all)";
        });

    /// <summary>Accepts version 1, filed on the day it was submitted (Beijing time), which never changes once filed.</summary>
    private async Task<string> AcceptAsync(CallOptions bureau, string branchId, string filingNumber)
    {
        var current = await filing.GetFilingAsync(new Proto.GetFilingRequest { FilingId = FilingDemo.FilingId(branchId) }, bureau).ConfigureAwait(false);
        var filedOn = DateOnly.FromDateTime(current.SubmittedAt.ToDateTime().AddHours(8));
        var record = await filing.AcceptFilingAsync(new Proto.AcceptFilingRequest
        {
            RequestId = $"demo-accept-{branchId}",
            FilingId = current.FilingId,
            ExpectedVersion = 1,
            FilingNumber = filingNumber,
            FiledOn = filedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, bureau).ConfigureAwait(false);
        return $"{record.FilingId} {record.Status} as {record.Decision?.FilingNumber} on {record.Decision?.FiledOn}";
    }

    private CallOptions Bureau(string region, string system) =>
        new(DemoContext.Bearer(context.Tokens.Issue(Roles.ProvincialHr, region: region, subject: $"{system}-clerk", system: system)));
}
