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
    private const string Guangdong = "440000";
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
        var id = Guid.NewGuid().ToString("N")[..10];
        var (orgCaller, branches) = await RecommendedBranchesAsync(registry, filing, tokens, id, [Beijing], ct);
        var (branchId, branchCode) = branches[0];

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
        Assert.True(await redis.GetDatabase().KeyExistsAsync(BranchEntryKey(accepted.FilingId)), "Publication recorded the publicity");
    }

    [Fact]
    public async Task Two_bureaus_accepting_under_the_same_request_id_open_two_publicities()
    {
        // Request ids are unique per caller only; both acceptances must reach Publication (one was once dropped as a
        // duplicate of the other, so a branch was never publicised).
        var ct = TestContext.Current.CancellationToken;
        var tokens = new LocalTokenIssuer(Convert.FromBase64String((await File.ReadAllTextAsync(fixture.SigningKeyFile, ct)).Trim()));
        using var registryChannel = GrpcChannel.ForAddress(fixture.GrpcEndpoint("registry"));
        using var filingChannel = GrpcChannel.ForAddress(fixture.GrpcEndpoint("filing"));
        var registry = new RegistryProto.Registry.RegistryClient(registryChannel);
        var filing = new FilingProto.Filing.FilingClient(filingChannel);
        var id = Guid.NewGuid().ToString("N")[..10];
        string[] regions = [Beijing, Guangdong];
        var (orgCaller, branches) = await RecommendedBranchesAsync(registry, filing, tokens, id, regions, ct);

        var accepted = new List<string>();
        for (var i = 0; i < regions.Length; i++)
        {
            var submitted = await filing.SubmitFilingAsync(new FilingProto.SubmitFilingRequest
            {
                RequestId = $"e2e-file-{branches[i].Id}", BatchId = Batch, BranchId = branches[i].Id, BranchCreditCode = branches[i].CreditCode, RegionCode = regions[i],
                Occupations = { new FilingProto.OccupationRef { Code = Occupation } },
            }, orgCaller, cancellationToken: ct);
            var bureau = As(tokens.Issue(Roles.ProvincialHr, region: regions[i], subject: $"e2e-clerk-{regions[i]}-{id}"));
            var decision = await filing.AcceptFilingAsync(new FilingProto.AcceptFilingRequest
            {
                RequestId = "1", FilingId = submitted.FilingId, ExpectedVersion = submitted.Version, FilingNumber = $"备-{regions[i]}-{id}",
                FiledOn = DateOnly.FromDateTime(submitted.SubmittedAt.ToDateTime().AddHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }, bureau, cancellationToken: ct);
            Assert.Equal(FilingProto.FilingStatus.Accepted, decision.Status);
            accepted.Add(decision.FilingId);
        }

        var connectionString = await fixture.App.GetConnectionStringAsync("redis", ct);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString!);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var publicised = new List<string>();
        while (DateTime.UtcNow < deadline)
        {
            publicised.Clear();
            foreach (var filingId in accepted)
            {
                if (await redis.GetDatabase().KeyExistsAsync(BranchEntryKey(filingId)))
                {
                    publicised.Add(filingId);
                }
            }

            if (publicised.Count == accepted.Count)
            {
                break;
            }

            await Task.Delay(100, ct);
        }

        Assert.Equal(accepted, publicised);
    }

    /// <summary>
    /// The Registry side of R5 (an open batch, a department recommending two organisations, one branch of the first in
    /// each region) and Filing's (the department's package carrying the pilot work plan that names the branches).
    /// </summary>
    private static async Task<(Metadata Organisation, List<(string Id, string CreditCode)> Branches)> RecommendedBranchesAsync(
        RegistryProto.Registry.RegistryClient registry, FilingProto.Filing.FilingClient filing, LocalTokenIssuer tokens, string id, string[] regions, CancellationToken ct)
    {
        var centre = As(tokens.Issue(Roles.NationalCentre, subject: "e2e-centre"));
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
        var branches = new List<(string Id, string CreditCode)>();
        foreach (var region in regions)
        {
            var branch = (Id: regions.Length == 1 ? $"br-{id}" : $"br-{id}-{region}", CreditCode: NewCreditCode());
            await registry.AddBranchAsync(new RegistryProto.AddBranchRequest
            {
                RequestId = $"e2e-branch-{branch.Id}",
                BatchId = Batch,
                OrganisationId = organisations[0],
                Branch = new RegistryProto.BranchDraft
                {
                    Id = branch.Id, Name = $"分支 {region}", CreditCode = branch.CreditCode, RegionCode = region, Address = "分支地址",
                    Eligibility = new RegistryProto.Eligibility(),
                    Occupations = { new RegistryProto.OccupationCoverage { Code = Occupation, Levels = { 4 } } },
                },
            }, orgCaller, cancellationToken: ct);
            branches.Add(branch);
        }

        var departmentCaller = As(tokens.Issue(Roles.Department, org: department.Id, subject: department.Id));
        await HandInPackageAsync(filing, departmentCaller, department.Id, id, branches.Select(branch => branch.Id), ct);
        return (orgCaller, branches);
    }

    /// <summary>
    /// One PDF stands for every document of the department's checklist, declaring everything required (R7); the
    /// letter names the branch that files (R5).
    /// </summary>
    private static async Task HandInPackageAsync(FilingProto.Filing.FilingClient filing, Metadata department, string departmentId, string id, IEnumerable<string> branchIds, CancellationToken ct)
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

        var package = new FilingProto.SubmitPackageRequest { RequestId = $"e2e-package-{id}", BatchId = Batch, SponsorOrgId = departmentId, LetterDate = "2020-09-28", BranchIds = { branchIds } };
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

    /// <summary>Publication's key for the branch entry a filing (<c>batch/branch</c>) opens.</summary>
    private static string BranchEntryKey(string filingId) => "publication:publicity:branch~" + filingId.Replace('/', '~');
}
