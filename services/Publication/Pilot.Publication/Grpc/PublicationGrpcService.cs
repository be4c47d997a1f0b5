using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Pilot.Publication.Application;
using Pilot.Publication.Domain.Objections;
using Pilot.ServiceDefaults.Security;
using Pilot.SharedKernel;
using Pilot.SharedKernel.Files;
using Proto = Pilot.Protos.Publication;

namespace Pilot.Publication.Grpc;

/// <summary>Publication's gRPC surface (and, through JSON transcoding, its public HTTP routes): maps the wire, nothing more.</summary>
internal sealed class PublicationGrpcService(ObjectionCommands objections, DirectoryCommands directory, PublicationReads reads, DirectoryCsv csv)
    : Proto.Publication.PublicationBase
{
    [AllowAnonymous]
    public override async Task<Proto.ListPublicityResponse> ListPublicity(Proto.ListPublicityRequest request, ServerCallContext context)
    {
        var page = await reads.ListPublicityAsync(
            request.BatchId, request.RegionCode, request.ClosingWithinWorkingDays, request.IncludeEnded, request.PageSize, request.PageToken);
        var response = new Proto.ListPublicityResponse { NextPageToken = page.NextPageToken };
        response.Entries.AddRange(page.Items.Select(PublicationMappers.ToProto));
        return response;
    }

    [AllowAnonymous]
    public override async Task<Proto.PublicityEntry> GetPublicityEntry(Proto.GetPublicityEntryRequest request, ServerCallContext context) =>
        PublicationMappers.ToProto(await reads.GetEntryAsync(request.EntryId));

    [AllowAnonymous]
    public override async Task<Proto.ObjectionReceipt> RaiseObjection(Proto.RaiseObjectionRequest request, ServerCallContext context)
    {
        var evidence = request.Evidence.Memory;
        var draft = ObjectionRules.CheckDraft(
            request.EntryId, request.Description, request.ContactPhone, request.ContactEmail, Describe(evidence, request.EvidenceFileName));
        return PublicationMappers.ToProto(await objections.RaiseAsync(request.RequestId, draft, evidence, context.GetCaller(), context.CancellationToken));
    }

    public override async Task<Proto.Objection> ResolveObjection(Proto.ResolveObjectionRequest request, ServerCallContext context) =>
        PublicationMappers.ToProto(await objections.ResolveAsync(
            request.RequestId, request.ObjectionId, PublicationMappers.ToDomain(request.Outcome), request.Reason, context.GetCaller(), context.CancellationToken));

    public override async Task<Proto.ListObjectionsResponse> ListObjections(Proto.ListObjectionsRequest request, ServerCallContext context)
    {
        var page = await reads.ListObjectionsAsync(context.GetCaller(), request.BatchId, request.EntryId, request.OpenOnly, request.PageSize, request.PageToken);
        var response = new Proto.ListObjectionsResponse { NextPageToken = page.NextPageToken };
        response.Objections.AddRange(page.Items.Select(PublicationMappers.ToProto));
        return response;
    }

    public override async Task<Proto.ObjectionEvidence> GetObjectionEvidence(Proto.GetObjectionEvidenceRequest request, ServerCallContext context)
    {
        var (file, content) = await reads.GetEvidenceAsync(context.GetCaller(), request.ObjectionId);
        return PublicationMappers.ToProto(file, content);
    }

    public override async Task<Proto.DirectoryVersion> PublishDirectory(Proto.PublishDirectoryRequest request, ServerCallContext context) =>
        PublicationMappers.ToProto(await directory.PublishAsync(request.RequestId, request.BatchId, context.GetCaller(), context.CancellationToken));

    [AllowAnonymous]
    public override async Task<Proto.QueryDirectoryResponse> QueryDirectory(Proto.QueryDirectoryRequest request, ServerCallContext context)
    {
        var page = await reads.QueryDirectoryAsync(new DirectoryQuery(
            request.BatchId, request.Version, request.RegionCode, request.OccupationCode, request.Name, request.CreditCode, request.PageSize, request.PageToken));
        var response = new Proto.QueryDirectoryResponse
        {
            Version = page.Version.Version,
            ExportSha256 = page.Version.ExportSha256,
            NextPageToken = page.NextPageToken,
        };
        response.Organisations.AddRange(page.Organisations.Select(organisation => PublicationMappers.ToProto(organisation, page.Version.Version)));
        return response;
    }

    [AllowAnonymous]
    public override async Task<Proto.DirectoryOrganisation> GetDirectoryEntry(Proto.GetDirectoryEntryRequest request, ServerCallContext context)
    {
        var (version, organisation) = await reads.GetDirectoryEntryAsync(request.BatchId, request.OrganisationId, request.Version);
        return PublicationMappers.ToProto(organisation, version.Version);
    }

    [AllowAnonymous]
    public override async Task<Proto.ListDirectoryVersionsResponse> ListDirectoryVersions(Proto.ListDirectoryVersionsRequest request, ServerCallContext context)
    {
        var response = new Proto.ListDirectoryVersionsResponse();
        response.Versions.AddRange((await reads.ListVersionsAsync(request.BatchId)).Select(PublicationMappers.ToProto));
        return response;
    }

    [AllowAnonymous]
    public override async Task<Proto.DirectoryExport> ExportDirectory(Proto.ExportDirectoryRequest request, ServerCallContext context)
    {
        var published = await reads.ExportAsync(request.BatchId, request.Version);
        var file = request.Format == Proto.ExportFormat.Csv ? csv.Of(published) : DirectoryCsv.Json(published);
        return new Proto.DirectoryExport
        {
            ContentType = file.ContentType,
            FileName = file.FileName,
            Content = Google.Protobuf.ByteString.CopyFrom(file.Content),
            ExportSha256 = published.Version.ExportSha256,
            Version = published.Version.Version,
        };
    }

    /// <summary>The evidence's fingerprint and kind, by its bytes; an oversize file is refused before it is hashed.</summary>
    private static EvidenceFile? Describe(ReadOnlyMemory<byte> evidence, string? fileName)
    {
        if (evidence.IsEmpty)
        {
            return string.IsNullOrEmpty(fileName) ? null : throw DomainException.Invalid("evidence", "a file name was sent without the file");
        }

        if (evidence.Length > ObjectionRules.EvidenceMaxBytes)
        {
            return new EvidenceFile(string.Empty, evidence.Length, FileKind.Unknown, fileName);
        }

        using var stream = new MemoryStream(evidence.ToArray(), writable: false);
        return new EvidenceFile(Convert.ToHexStringLower(SHA256.HashData(evidence.Span)), evidence.Length, FileKindDetector.Detect(stream), fileName);
    }
}
