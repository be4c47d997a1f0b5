using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Pilot.Filing.Application;
using Pilot.Filing.Domain.Materials;
using Pilot.Protos.Filing;
using Pilot.ServiceDefaults.Security;

namespace Pilot.Filing.Grpc;

/// <summary>The gRPC surface: maps the caller and hands each call to its handler.</summary>
internal sealed class FilingGrpcService(IServiceProvider services) : Protos.Filing.Filing.FilingBase
{
    [AllowAnonymous]
    public override Task<Checklist> GetChecklist(GetChecklistRequest request, ServerCallContext context)
    {
        var kind = ChecklistMapper.FromProto(request.SubmitterKind);
        return Task.FromResult(ChecklistMapper.ToProto(kind, MaterialChecklist.For(kind)));
    }

    public override async Task<UploadedDocument> UploadDocument(IAsyncStreamReader<UploadDocumentRequest> requestStream, ServerCallContext context)
    {
        var (upload, content) = await UploadStream.ReadAsync(requestStream, context.CancellationToken);
        return PackageMappers.ToProto(await Handler<DocumentUploads>().UploadAsync(upload, content, context.GetCaller(), context.CancellationToken));
    }

    public override Task<Package> SubmitPackage(SubmitPackageRequest request, ServerCallContext context) =>
        Handler<SubmitPackageHandler>().HandleAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Package> GetPackage(GetPackageRequest request, ServerCallContext context) =>
        Handler<PackageQueries>().GetAsync(request, context.GetCaller());

    public override Task<FilingRecord> SubmitFiling(SubmitFilingRequest request, ServerCallContext context) =>
        Handler<SubmitFilingHandler>().HandleAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<FilingRecord> GetFiling(GetFilingRequest request, ServerCallContext context) =>
        Handler<FilingQueries>().GetAsync(request, context.GetCaller());

    public override Task<ListFilingsResponse> ListFilings(ListFilingsRequest request, ServerCallContext context) =>
        Handler<FilingQueries>().ListAsync(request, context.GetCaller());

    public override Task WatchFilings(WatchFilingsRequest request, IServerStreamWriter<FilingChange> responseStream, ServerCallContext context) =>
        Handler<FilingWatch>().RunAsync(request, context.GetCaller(), responseStream, context.CancellationToken);

    public override Task<FilingRecord> AcceptFiling(AcceptFilingRequest request, ServerCallContext context) =>
        Handler<DecideFilingHandler>().AcceptAsync(request, context.GetCaller());

    public override Task<FilingRecord> RejectFiling(RejectFilingRequest request, ServerCallContext context) =>
        Handler<DecideFilingHandler>().RejectAsync(request, context.GetCaller());

    public override Task<ListAuditResponse> ListAudit(ListAuditRequest request, ServerCallContext context) =>
        Handler<AuditQueries>().ListAsync(request, context.GetCaller());

    public override Task<ListDueItemsResponse> ListDueItems(ListDueItemsRequest request, ServerCallContext context) =>
        Handler<DueItemsQuery>().ListAsync(request, context.GetCaller(), context.CancellationToken);

    private T Handler<T>()
        where T : notnull => services.GetRequiredService<T>();
}
