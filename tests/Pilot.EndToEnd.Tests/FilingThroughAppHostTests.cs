using System.Globalization;
using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Pilot.ServiceDefaults.Security;
using Pilot.SharedKernel;
using StackExchange.Redis;
using FilingProto = Pilot.Protos.Filing;
using RegistryProto = Pilot.Protos.Registry;

namespace Pilot.EndToEnd.Tests;

/// <summary>
/// One branch filed through the running AppHost: the Registry knows it, Filing asks the Registry with the
/// organisation's own token, the Beijing bureau sees it in its list and accepts it within a trace of its own, the
/// acceptance is announced on filing-events in that trace, and Publication, reading filing-events, opens the
/// branch's publicity.
/// </summary>
[Collection(PilotAppFixture.Collection)]
public sealed class FilingThroughAppHostTests(PilotAppFixture fixture)
{
    // The test opens this batch in the Registry (Filing asks it for the dates); the demo uses another batch, so nothing collides.
    private const string Batch = "2020";
    private const string Beijing = "110000";
    private const string Occupation = "6-31-01-03";

    [Fact]
    public async Task A_filed_branch_is_listed_for_its_bureau_accepted_announced_in_the_callers_trace_and_publicised()
    {
        var ct = TestContext.Current.CancellationToken;
        var tokens = new LocalTokenIssuer(Convert.FromBase64String((await File.ReadAllTextAsync(fixture.SigningKeyFile, ct)).Trim()));
        using var registryChannel = GrpcChannel.ForAddress(fixture.GrpcEndpoint("registry"));
        using var filingChannel = GrpcChannel.ForAddress(fixture.GrpcEndpoint("filing"));
        var registry = new RegistryProto.Registry.RegistryClient(registryChannel);
        var filing = new FilingProto.Filing.FilingClient(filingChannel);
        var centre = As(tokens.Issue(Roles.NationalCentre, subject: "e2e-centre"));
        var id = Guid.NewGuid().ToString("N")[..10];

        // The Registry side of R5: an open batch, a department recommending two organisations, a branch in Beijing.
        await OpenBatchOnceAsync(registry, centre, ct);
        var department = new RegistryProto.Department { Id = $"dept-{id}", Name = $"部门 {id}", FormerOccupations = { new RegistryProto.OccupationRef { Code = Occupation } } };
        await registry.RegisterDepartmentAsync(new RegistryProto.RegisterDepartmentRequest { RequestId = $"e2e-dept-{id}", Department = department }, centre, cancellationToken: ct);
        string[] organisations = [$"org-a-{id}", $"org-b-{id}"];
        foreach (var org in organisations)
        {
            await registry.RegisterOrganisationAsync(new RegistryProto.RegisterOrganisationRequest
            {
                RequestId = $"e2e-{org}",
                Organisation = new RegistryProto.OrganisationDraft
                {
                    Id = org, Name = org, LegalForm = "社会团体", CreditCode = NewCreditCode(),
                    Occupations = { new RegistryProto.OccupationCoverage { Code = Occupation, Levels = { 3, 4, 5 } } },
                    Contacts = { new RegistryProto.Contact { Name = "联系人", Phone = "010-84661143", Email = "e2e@example.org.cn" } },
                },
                Eligibility = new RegistryProto.Eligibility(),
            }, centre, cancellationToken: ct);
        }

        await registry.RecommendOrganisationsAsync(new RegistryProto.RecommendOrganisationsRequest
        {
            RequestId = $"e2e-recommend-{id}", BatchId = Batch, DepartmentId = department.Id, OrganisationIds = { organisations },
        }, centre, cancellationToken: ct);

        var orgCaller = As(tokens.Issue(Roles.EvaluationOrg, org: organisations[0], subject: organisations[0]));
        var branchId = $"br-{id}";
        var branchCode = NewCreditCode();
        await registry.AddBranchAsync(new RegistryProto.AddBranchRequest
        {
            RequestId = $"e2e-branch-{id}",
            BatchId = Batch,
            OrganisationId = organisations[0],
            Branch = new RegistryProto.BranchDraft
            {
                Id = branchId, Name = "北京分支", CreditCode = branchCode, RegionCode = Beijing, Address = "北京市东城区",
                Eligibility = new RegistryProto.Eligibility(),
                Occupations = { new RegistryProto.OccupationCoverage { Code = Occupation, Levels = { 4 } } },
            },
        }, orgCaller, cancellationToken: ct);

        // R5 on Filing's side: the recommending department's package carries the pilot work plan naming the branch.
        var departmentCaller = As(tokens.Issue(Roles.Department, org: department.Id, subject: department.Id));
        await HandInPackageAsync(filing, departmentCaller, department.Id, id, branchId, ct);

        // Filing: the organisation files; the Beijing bureau finds it in its list and accepts it.
        var submitted = await filing.SubmitFilingAsync(new FilingProto.SubmitFilingRequest
        {
            RequestId = $"e2e-file-{id}", BatchId = Batch, BranchId = branchId, BranchCreditCode = branchCode, RegionCode = Beijing,
            Occupations = { new FilingProto.OccupationRef { Code = Occupation } },
        }, orgCaller, cancellationToken: ct);
        Assert.Equal(FilingProto.FilingStatus.Submitted, submitted.Status);

        var bureau = As(tokens.Issue(Roles.ProvincialHr, region: Beijing, subject: "e2e-beijing-clerk", system: "beijing-hr"));
        var listed = await ListAllSubmittedAsync(filing, bureau, ct);
        var mine = Assert.Single(listed, f => f.FilingId == submitted.FilingId);
        Assert.All(listed, f => Assert.Equal(Beijing, f.Region.Code));

        var filedOn = DateOnly.FromDateTime(mine.SubmittedAt.ToDateTime().AddHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // The bureau's system calls within a trace of its own; the trace goes on through Filing's event into Publication.
        var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var tracedBureau = new Metadata { bureau[0], { "traceparent", $"00-{traceId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-01" } };
        var accepted = await filing.AcceptFilingAsync(new FilingProto.AcceptFilingRequest
        {
            RequestId = $"e2e-accept-{id}", FilingId = mine.FilingId, ExpectedVersion = mine.Version, FilingNumber = $"京人社备-e2e-{id}", FiledOn = filedOn,
        }, tracedBureau, cancellationToken: ct);
        Assert.Equal(FilingProto.FilingStatus.Accepted, accepted.Status);

        // The event is written in the accepting transaction, so it is on the stream as soon as the call returns.
        var connectionString = await fixture.App.GetConnectionStringAsync("redis", ct);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString!);
        var entries = await redis.GetDatabase().StreamRangeAsync("filing-events", "-", "+");
        var cloudEvents = entries.Select(entry => entry["data"].ToString()).ToList();
        Assert.Contains(cloudEvents, json => json.Contains("pilot.filing.filing-accepted.v1", StringComparison.Ordinal)
            && json.Contains(accepted.FilingId, StringComparison.Ordinal)
            && json.Contains($"\"traceparent\":\"00-{traceId}-", StringComparison.Ordinal));

        // Publication, subscribed to filing-events, opens the branch's publicity (三.5) in its own keys and announces it
        // on publication-events — still in the bureau's trace, which so runs through two services and two topics.
        string? announcement = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (announcement is null && DateTime.UtcNow < deadline)
        {
            announcement = (await redis.GetDatabase().StreamRangeAsync("publication-events", "-", "+"))
                .Select(entry => entry["data"].ToString())
                .FirstOrDefault(json => json.Contains("pilot.publication.publicity-scheduled.v1", StringComparison.Ordinal)
                    && json.Contains(accepted.FilingId, StringComparison.Ordinal));
            await Task.Delay(announcement is null ? 100 : 0, ct);
        }

        Assert.NotNull(announcement);
        Assert.Contains($"\"traceparent\":\"00-{traceId}-", announcement, StringComparison.Ordinal);
        Assert.True(await redis.GetDatabase().KeyExistsAsync($"publication:publicity:{accepted.FilingId}"), "Publication recorded the publicity");
    }

    /// <summary>
    /// One PDF stands for every document of the department's checklist, declaring everything required (R7); the
    /// letter names the branch that files (R5).
    /// </summary>
    private static async Task HandInPackageAsync(FilingProto.Filing.FilingClient filing, Metadata department, string departmentId, string id, string branchId, CancellationToken ct)
    {
        var checklist = await filing.GetChecklistAsync(new FilingProto.GetChecklistRequest { SubmitterKind = FilingProto.SubmitterKind.Department }, department, cancellationToken: ct);
        using var upload = filing.UploadDocument(department, cancellationToken: ct);
        await upload.RequestStream.WriteAsync(new FilingProto.UploadDocumentRequest
        {
            Metadata = new FilingProto.UploadMetadata { BatchId = Batch, SponsorOrgId = departmentId, FileName = "plan.pdf" },
        }, ct);
        await upload.RequestStream.WriteAsync(new FilingProto.UploadDocumentRequest
        {
            Chunk = Google.Protobuf.ByteString.CopyFromUtf8($"%PDF-1.4\n% e2e {id}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        }, ct);
        await upload.RequestStream.CompleteAsync();
        var file = await upload.ResponseAsync;

        var package = new FilingProto.SubmitPackageRequest { RequestId = $"e2e-package-{id}", BatchId = Batch, SponsorOrgId = departmentId, LetterDate = "2020-09-28", BranchIds = { branchId } };
        foreach (var document in checklist.Documents)
        {
            var declaration = new FilingProto.DocumentDeclaration { DocumentId = document.Id, Sha256 = file.Sha256 };
            declaration.Sections.AddRange(document.Sections.Select(section => section.Id));
            declaration.Regulations.AddRange(document.Regulations.Select(regulation => regulation.Id));
            package.Documents.Add(declaration);
        }

        await filing.SubmitPackageAsync(package, department, cancellationToken: ct);
    }

    private static async Task OpenBatchOnceAsync(RegistryProto.Registry.RegistryClient registry, Metadata centre, CancellationToken ct)
    {
        try
        {
            await registry.OpenBatchAsync(new RegistryProto.OpenBatchRequest
            {
                RequestId = "e2e-open-2020",
                BatchId = Batch,
                Name = "2020年（端到端测试）",
                Milestones = new RegistryProto.Milestones { PlanStandardsAndFirstList = "2020-09-30", LocalFilingGuidance = "2020-10-10", ImplementationPublicityAndDirectory = "2020-11-15" },
            }, centre, cancellationToken: ct);
        }
        catch (RpcException error) when (error.StatusCode is StatusCode.AlreadyExists or StatusCode.Aborted)
        {
            // Opened by an earlier test of this run; the batch is what matters.
        }
    }

    private static async Task<List<FilingProto.FilingRecord>> ListAllSubmittedAsync(FilingProto.Filing.FilingClient filing, Metadata bureau, CancellationToken ct)
    {
        var all = new List<FilingProto.FilingRecord>();
        var request = new FilingProto.ListFilingsRequest { Status = FilingProto.FilingStatus.Submitted, PageSize = 200 };
        do
        {
            var page = await filing.ListFilingsAsync(request, bureau, cancellationToken: ct);
            all.AddRange(page.Filings);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return all;
    }

    private static Metadata As(string token) => new() { { "Authorization", "Bearer " + token } };

    private static string NewCreditCode() =>
        UnifiedSocialCreditCode.Complete("91110000" + RandomNumberGenerator.GetInt32(1_000_000_000).ToString("D9", CultureInfo.InvariantCulture)).Value;
}
