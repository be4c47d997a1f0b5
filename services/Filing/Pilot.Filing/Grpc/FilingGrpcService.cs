using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Pilot.Filing.Application;
using Pilot.Filing.Domain.Materials;
using Pilot.Protos.Filing;
using Pilot.ServiceDefaults.Security;

namespace Pilot.Filing.Grpc;

/// <summary>
/// The gRPC surface: maps each request to the application's command or query and its answer back to the wire,
/// nothing more. Handlers are resolved per call, so a call builds only the one it needs.
/// </summary>
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

    public override async Task<Package> SubmitPackage(SubmitPackageRequest request, ServerCallContext context) =>
        PackageMappers.ToProto(await Handler<PackageCommands>().SubmitAsync(FilingRequestMapper.ToCommand(request), context.GetCaller(), context.CancellationToken));

    public override async Task<Package> GetPackage(GetPackageRequest request, ServerCallContext context) =>
        PackageMappers.ToProto(await Handler<PackageReads>().GetAsync(request.BatchId, request.SponsorOrgId, context.GetCaller()));

    public override async Task<FilingRecord> SubmitFiling(SubmitFilingRequest request, ServerCallContext context) =>
        FilingMappers.ToProto(await Handler<FilingCommands>().SubmitAsync(FilingRequestMapper.ToCommand(request), context.GetCaller(), context.CancellationToken));

    public override async Task<FilingRecord> GetFiling(GetFilingRequest request, ServerCallContext context) =>
        FilingMappers.ToProto(await Handler<FilingReads>().GetAsync(request.FilingId, context.GetCaller()));

    public override async Task<ListFilingsResponse> ListFilings(ListFilingsRequest request, ServerCallContext context)
    {
        var page = await Handler<FilingReads>().ListAsync(FilingRequestMapper.ToQuery(request), context.GetCaller());
        var response = new ListFilingsResponse { NextPageToken = page.NextPageToken };
        response.Filings.AddRange(page.Items.Select(FilingMappers.ToProto));
        return response;
    }

    public override async Task WatchFilings(WatchFilingsRequest request, IServerStreamWriter<FilingChange> responseStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        try
        {
            await foreach (var change in Handler<FilingWatch>().WatchAsync(request.RegionCode, request.Cursor, context.GetCaller(), cancellationToken))
            {
                await responseStream.WriteAsync(FilingMappers.ToProto(change), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client hung up; its last cursor tells it where to resume.
        }
    }

    public override async Task<FilingRecord> AcceptFiling(AcceptFilingRequest request, ServerCallContext context) =>
        FilingMappers.ToProto(await Handler<FilingCommands>().AcceptAsync(FilingRequestMapper.ToCommand(request), context.GetCaller(), context.CancellationToken));

    public override async Task<FilingRecord> RejectFiling(RejectFilingRequest request, ServerCallContext context) =>
        FilingMappers.ToProto(await Handler<FilingCommands>().RejectAsync(FilingRequestMapper.ToCommand(request), context.GetCaller(), context.CancellationToken));

    public override async Task<ListAuditResponse> ListAudit(ListAuditRequest request, ServerCallContext context)
    {
        var page = await Handler<AuditReads>().ListAsync(request.RegionCode, request.PageToken, request.PageSize, context.GetCaller());
        var response = new ListAuditResponse { NextPageToken = page.NextPageToken };
        response.Entries.AddRange(page.Items.Select(AuditMappers.ToProto));
        return response;
    }

    public override async Task<ListDueItemsResponse> ListDueItems(ListDueItemsRequest request, ServerCallContext context)
    {
        var due = await Handler<DueItemReads>().ListAsync(FilingRequestMapper.ToQuery(request), context.GetCaller(), context.CancellationToken);
        var response = new ListDueItemsResponse { BatchId = due.BatchId, Today = ProtoDates.ToIso(due.Today) };
        response.Items.AddRange(due.Items.Select(DueItemMappers.ToProto));
        return response;
    }

    private T Handler<T>()
        where T : notnull => services.GetRequiredService<T>();
}
