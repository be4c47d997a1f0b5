using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Pilot.Filing.Domain.Filings;
using Pilot.Filing.Domain.Materials;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;
using Pilot.Testing.Services;
using DomainSubmitterKind = Pilot.Filing.Domain.Materials.SubmitterKind;
using ProtoSubmitterKind = Pilot.Protos.Filing.SubmitterKind;

namespace Pilot.Filing.Tests.Grpc.Support;

/// <summary>
/// Parties and steps the gRPC tests share. Every id is fresh, so tests of one class can share the service
/// and its Redis without seeing each other's records.
/// </summary>
internal sealed class Scenario(FilingFactory factory)
{
    public const string Beijing = "110000";
    public const string Shanghai = "310000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Protos.Filing.Filing.FilingClient Client { get; } = factory.Client();

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public Metadata As(string role, string? region = null, string? org = null, string? subject = null) =>
        Bearer.Header(factory.Tokens.Issue(role, region, org, subject, system: $"{role}-system"));

    public Metadata Bureau(string region, string? clerk = null) => As(Roles.ProvincialHr, region: region, subject: clerk ?? $"clerk-{region}");

    public Metadata NationalCentre() => As(Roles.NationalCentre, subject: "centre");

    public async Task<UploadedDocument> UploadAsync(
        Metadata caller, string sponsorOrgId, byte[] content, string fileName = "plan.pdf", string batch = FilingFactory.OpenBatch, int chunkSize = 8 * 1024)
    {
        using var call = Client.UploadDocument(caller, cancellationToken: Ct);
        await call.RequestStream.WriteAsync(new UploadDocumentRequest
        {
            Metadata = new UploadMetadata { BatchId = batch, SponsorOrgId = sponsorOrgId, FileName = fileName },
        }, Ct);
        for (var offset = 0; offset < content.Length; offset += chunkSize)
        {
            var chunk = content.AsMemory(offset, Math.Min(chunkSize, content.Length - offset));
            await call.RequestStream.WriteAsync(new UploadDocumentRequest { Chunk = ByteString.CopyFrom(chunk.Span) }, Ct);
        }

        await call.RequestStream.CompleteAsync();
        return await call;
    }

    /// <summary>A sponsor with its token, of the role that hands in <paramref name="kind"/>'s package.</summary>
    public (string OrgId, Metadata Caller) Sponsor(DomainSubmitterKind kind)
    {
        var org = Unique(kind == DomainSubmitterKind.Department ? "dept" : "assoc");
        return (org, As(kind == DomainSubmitterKind.Department ? Roles.Department : Roles.IndustryOrg, org: org));
    }

    /// <summary>
    /// Every document of the checklist, all pointing at <paramref name="sha256"/>, declaring everything required, and
    /// naming <paramref name="branchIds"/> (none by default).
    /// </summary>
    public static SubmitPackageRequest CompletePackage(
        DomainSubmitterKind kind, string sponsorOrgId, string sha256, string batch = FilingFactory.OpenBatch, long expectedVersion = 0, params string[] branchIds)
    {
        var request = new SubmitPackageRequest
        {
            RequestId = Unique("req"),
            BatchId = batch,
            SponsorOrgId = sponsorOrgId,
            ExpectedVersion = expectedVersion,
            BranchIds = { branchIds },
        };
        foreach (var requirement in MaterialChecklist.For(kind))
        {
            var declaration = new DocumentDeclaration { DocumentId = requirement.Id, Sha256 = sha256 };
            declaration.Sections.AddRange(requirement.Sections.Select(s => s.Id));
            declaration.Regulations.AddRange(requirement.Regulations.Select(r => r.Id));
            request.Documents.Add(declaration);
        }

        return request;
    }

    public static ProtoSubmitterKind ToProto(DomainSubmitterKind kind) =>
        kind == DomainSubmitterKind.Department ? ProtoSubmitterKind.Department : ProtoSubmitterKind.IndustryOrganisation;

    /// <summary>A branch the fake Registry knows, of a fresh evaluation organisation.</summary>
    public TestBranch Branch(string region = Beijing, bool recommended = true, bool industry = false, PilotWorkPlan plan = PilotWorkPlan.NamesBranch, string batch = FilingFactory.OpenBatch)
    {
        var org = Unique("eval");
        var branch = new TestBranch(Unique("branch"), org, region, CreditCodes.Next(), As(industry ? Roles.IndustryOrg : Roles.EvaluationOrg, org: org));
        factory.Branches.Add(batch, new BranchFacts(branch.Id, org, region, recommended, industry, plan));
        return branch;
    }

    /// <summary>The next change a watch sends; the watch ending instead fails the test.</summary>
    public static async Task<FilingChange> NextChangeAsync(AsyncServerStreamingCall<FilingChange> call, CancellationToken cancellationToken)
    {
        Assert.True(await call.ResponseStream.MoveNext(cancellationToken), "the watch ended early");
        return call.ResponseStream.Current;
    }

    public static SubmitFilingRequest FilingRequest(TestBranch branch, string batch = FilingFactory.OpenBatch, long expectedVersion = 0) => new()
    {
        RequestId = Unique("req"),
        BatchId = batch,
        BranchId = branch.Id,
        BranchCreditCode = branch.CreditCode,
        RegionCode = branch.Region,
        ExpectedVersion = expectedVersion,
        Occupations = { new OccupationRef { Code = "6-18-02-04" }, new OccupationRef { Code = "4-02-02-01", SubType = "汽车驾驶员" } },
    };

    public async Task<FilingRecord> FileAsync(TestBranch branch, string batch = FilingFactory.OpenBatch) =>
        await Client.SubmitFilingAsync(FilingRequest(branch, batch), branch.Caller, cancellationToken: Ct);

    public static AcceptFilingRequest Accept(FilingRecord filing, string? number = null) => new()
    {
        RequestId = Unique("req"),
        FilingId = filing.FilingId,
        ExpectedVersion = filing.Version,
        FilingNumber = number ?? Unique("BJ"),
        FiledOn = FilingFactory.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The events on filing-events about <paramref name="subject"/> (a filing or package id), oldest first.</summary>
    public async Task<IReadOnlyList<(string Type, JsonElement Data)>> EventsAboutAsync(string subject)
    {
        var entries = await factory.Redis.StreamRangeAsync("filing-events");
        return entries
            .Select(entry => JsonDocument.Parse(entry["data"].ToString()).RootElement)
            .Where(envelope => envelope.GetProperty("data").GetProperty("subject").GetString() == subject)
            .Select(envelope => (envelope.GetProperty("type").GetString()!, envelope.GetProperty("data")))
            .ToList();
    }

    public static async Task<RpcException> RefusedAsync(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);

    /// <summary>The BadRequest field paths of a refusal.</summary>
    public static IReadOnlyList<string> Fields(RpcException error) =>
        error.GetRpcStatus()?.Details
            .Where(detail => detail.Is(Google.Rpc.BadRequest.Descriptor))
            .SelectMany(detail => detail.Unpack<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field))
            .ToList() ?? [];

    /// <summary>The ErrorInfo reason of a refusal: the rule (R5…R8) or the kind.</summary>
    public static string? Reason(RpcException error) =>
        error.GetRpcStatus()?.Details
            .Where(detail => detail.Is(Google.Rpc.ErrorInfo.Descriptor))
            .Select(detail => detail.Unpack<Google.Rpc.ErrorInfo>().Reason)
            .FirstOrDefault();
}

internal sealed record TestBranch(string Id, string OrgId, string Region, string CreditCode, Metadata Caller);
