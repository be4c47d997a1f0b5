using Google.Protobuf;
using Grpc.Core;
using Pilot.SharedKernel;
using Proto = Pilot.Protos.Filing;

namespace Pilot.Demo;

/// <summary>
/// The material packages (三.2, R7) of the sponsors RegistryDemo registers, and the local filing (三.4, R5, R6)
/// of its branches, then two provincial HR systems deciding (<see cref="ProvincialBureauDemo"/>). Request ids
/// and file contents are fixed, so a second run against the same Redis gets the stored answers.
/// </summary>
internal sealed class FilingDemo(DemoContext context, DemoSteps steps)
{
    private static readonly (string BranchId, string OrgId, string Region, string Occupation)[] Branches =
    [
        ("br-jtpj-bj", "org-jtpj", "110000", "4-12-01-01"),
        // Left submitted for Beijing to decide by hand: docs/filing.md's worked example accepts it.
        ("br-jtpj-bj2", "org-jtpj", "110000", "4-12-01-01"),
        ("br-jtpj-gd", "org-jtpj", "440000", "4-12-01-01"),
        ("br-gkpj-sh", "org-gkpj", "310000", "6-30-05-01"),
        ("br-cmif-sc", "ind-cmif", "510000", "6-18-01-01"),
        ("br-cca-gd", "ind-cca", "440000", "4-03-02-01"),
    ];

    private readonly Proto.Filing.FilingClient filing = new(context.Channel("filing"));

    public async Task RunAsync()
    {
        await PackageAsync("dept-mot", "交通运输部", Proto.SubmitterKind.Department).ConfigureAwait(false);
        await PackageAsync("dept-moa", "农业农村部", Proto.SubmitterKind.Department, firstForgets: ["finance", "records"]).ConfigureAwait(false);
        await PackageAsync("ind-cmif", "中国机械工业联合会", Proto.SubmitterKind.IndustryOrganisation).ConfigureAwait(false);
        await PackageAsync("ind-cca", "中国烹饪协会", Proto.SubmitterKind.IndustryOrganisation).ConfigureAwait(false);

        foreach (var (branchId, orgId, region, occupation) in Branches)
        {
            await FileAsync(branchId, orgId, region, occupation).ConfigureAwait(false);
        }

        await new ProvincialBureauDemo(context, steps, filing).RunAsync().ConfigureAwait(false);
    }

    public static string FilingId(string branchId) => $"{RegistryDemo.BatchId}/{branchId}";

    /// <summary>Whose package names an organisation's branches: the department that recommended it, or the industry organisation itself.</summary>
    private static string[] Sponsors(string orgId) => orgId switch
    {
        "org-jtpj" or "org-gkpj" => ["dept-mot"],
        "org-nypj" or "org-njpj" => ["dept-moa"],
        _ => [orgId],
    };

    /// <summary>
    /// Uploads one PDF per checklist document and hands the package in, naming the branches of the sponsor's
    /// organisations (a department's recommended ones, an industry organisation itself) that file below (R5). With <paramref name="firstForgets"/>
    /// the first hand-in leaves those regulations out of the implementation plan and must be refused (R7);
    /// the complete one that follows becomes version 1.
    /// </summary>
    private async Task PackageAsync(string sponsorId, string name, Proto.SubmitterKind kind, string[]? firstForgets = null)
    {
        var caller = Options(kind == Proto.SubmitterKind.Department ? Roles.Department : Roles.IndustryOrg, sponsorId);
        Proto.Checklist? checklist = null;
        await steps.Expect($"{name}: read the checklist", async () =>
        {
            checklist = await filing.GetChecklistAsync(new Proto.GetChecklistRequest { SubmitterKind = kind }).ConfigureAwait(false);
            return $"{checklist.Documents.Count} documents, {checklist.Documents.Sum(d => d.Regulations.Count)} regulations";
        }).ConfigureAwait(false);
        if (checklist is null)
        {
            return;
        }

        var uploaded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in checklist.Documents)
        {
            await steps.Expect($"{name}: upload {document.Id}.pdf", async () =>
            {
                var file = await UploadAsync(caller, sponsorId, $"{document.Id}.pdf", DemoPdf.Create($"{sponsorId} {RegistryDemo.BatchId}: {document.Gloss}")).ConfigureAwait(false);
                uploaded[document.Id] = file.Sha256;
                return $"{file.Kind}, {file.Size} bytes, sha256 {file.Sha256[..12]}…";
            }).ConfigureAwait(false);
        }

        if (uploaded.Count != checklist.Documents.Count)
        {
            return;
        }

        if (firstForgets is { Length: > 0 })
        {
            var incomplete = Package($"demo-package-{sponsorId}-incomplete", sponsorId, checklist, uploaded, firstForgets);
            await steps.ExpectRefusal($"{name}: a package without the {string.Join(" and ", firstForgets)} regulations is refused", "R7",
                () => Describe(filing.SubmitPackageAsync(incomplete, caller).ResponseAsync)).ConfigureAwait(false);
        }

        var complete = Package($"demo-package-{sponsorId}", sponsorId, checklist, uploaded, []);
        await steps.Expect($"{name}: hands in its complete package (R7)", async () =>
        {
            var package = await filing.SubmitPackageAsync(complete, caller).ConfigureAwait(false);
            var version = package.Versions[^1];
            return $"version {version.Number}, receipt {version.ReceiptNumber}, naming {version.BranchIds.Count} branch(es){(version.Lateness?.IsLate == true ? $", {version.Lateness.WorkingDaysLate} working days late" : string.Empty)}";
        }).ConfigureAwait(false);
    }

    private static Proto.SubmitPackageRequest Package(
        string requestId, string sponsorId, Proto.Checklist checklist, Dictionary<string, string> uploaded, string[] leaveOut)
    {
        var request = new Proto.SubmitPackageRequest { RequestId = requestId, BatchId = RegistryDemo.BatchId, SponsorOrgId = sponsorId, LetterDate = "2020-09-28" };
        request.BranchIds.AddRange(Branches.Where(branch => Sponsors(branch.OrgId).Contains(sponsorId)).Select(branch => branch.BranchId));
        foreach (var document in checklist.Documents)
        {
            var declaration = new Proto.DocumentDeclaration { DocumentId = document.Id, Sha256 = uploaded[document.Id] };
            declaration.Sections.AddRange(document.Sections.Select(s => s.Id));
            declaration.Regulations.AddRange(document.Regulations.Select(r => r.Id).Where(id => !leaveOut.Contains(id)));
            request.Documents.Add(declaration);
        }

        return request;
    }

    private async Task<Proto.UploadedDocument> UploadAsync(CallOptions caller, string sponsorId, string fileName, byte[] content)
    {
        using var call = filing.UploadDocument(caller);
        await call.RequestStream.WriteAsync(new Proto.UploadDocumentRequest
        {
            Metadata = new Proto.UploadMetadata { BatchId = RegistryDemo.BatchId, SponsorOrgId = sponsorId, FileName = fileName },
        }).ConfigureAwait(false);
        await call.RequestStream.WriteAsync(new Proto.UploadDocumentRequest { Chunk = ByteString.CopyFrom(content) }).ConfigureAwait(false);
        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        return await call.ResponseAsync.ConfigureAwait(false);
    }

    /// <summary>The organisation files its branch with the bureau of the region the Registry has for it (R5, R6).</summary>
    private Task FileAsync(string branchId, string orgId, string region, string occupation)
    {
        var role = orgId.StartsWith("ind-", StringComparison.Ordinal) ? Roles.IndustryOrg : Roles.EvaluationOrg;
        var request = new Proto.SubmitFilingRequest
        {
            RequestId = $"demo-filing-{branchId}",
            BatchId = RegistryDemo.BatchId,
            BranchId = branchId,
            BranchCreditCode = DemoCodes.For(branchId),
            RegionCode = region,
            Occupations = { new Proto.OccupationRef { Code = occupation } },
        };
        return steps.Expect($"{orgId} files {branchId} with the bureau of {region}", async () =>
        {
            var record = await filing.SubmitFilingAsync(request, Options(role, orgId)).ConfigureAwait(false);
            return $"{record.FilingId} attempt {record.Attempt}, version {record.Version}, {record.Region.Name}";
        });
    }

    private CallOptions Options(string role, string org) =>
        new(DemoContext.Bearer(context.Tokens.Issue(role, org: org, subject: org, system: "pilot-demo")));

    private static async Task<string> Describe<T>(Task<T> call)
    {
        var result = await call.ConfigureAwait(false);
        return result?.ToString() ?? string.Empty;
    }
}
