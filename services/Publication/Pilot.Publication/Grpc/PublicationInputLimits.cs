using Pilot.Publication.Domain.Objections;
using Pilot.ServiceDefaults.Grpc.Input;
using Pilot.SharedKernel;
using Proto = Pilot.Protos.Publication;

namespace Pilot.Publication.Grpc;

/// <summary>
/// Every request field of <c>publication.proto</c> with its limit, declared once: the wire check refuses a request
/// past any of them before the method runs. The objection's own sizes come from <see cref="ObjectionRules"/>, which
/// checks their meaning after the wire has checked their size.
/// </summary>
public static class PublicationInputLimits
{
    public static InputLimits Create()
    {
        var requestId = FieldLimit.Text(FieldLimits.RequestIdLength);
        var id = FieldLimit.Code(FieldLimits.IdLength);
        var entryId = FieldLimit.Code((FieldLimits.IdLength * 2) + 16);
        var code = FieldLimit.Code(FieldLimits.CodeLength);
        var pageToken = FieldLimit.Code(FieldLimits.TokenLength);
        var pageSize = FieldLimit.Range(0, 1000);
        var version = FieldLimit.Range(0, int.MaxValue);

        return new InputLimits(Proto.PublicationReflection.Descriptor)
            .Field(Proto.ListPublicityRequest.Descriptor, "batch_id", id)
            .Field(Proto.ListPublicityRequest.Descriptor, "region_code", code)
            .Field(Proto.ListPublicityRequest.Descriptor, "closing_within_working_days", FieldLimit.Range(0, 366))
            .Field(Proto.ListPublicityRequest.Descriptor, "page_size", pageSize)
            .Field(Proto.ListPublicityRequest.Descriptor, "page_token", pageToken)
            .Field(Proto.GetPublicityEntryRequest.Descriptor, "entry_id", entryId)
            .Field(Proto.RaiseObjectionRequest.Descriptor, "request_id", requestId)
            .Field(Proto.RaiseObjectionRequest.Descriptor, "entry_id", entryId)
            .Field(Proto.RaiseObjectionRequest.Descriptor, "description", FieldLimit.Prose(ObjectionRules.DescriptionMax))
            .Field(Proto.RaiseObjectionRequest.Descriptor, "contact_phone", FieldLimit.Text(32))
            .Field(Proto.RaiseObjectionRequest.Descriptor, "contact_email", FieldLimit.Text(ObjectionRules.EmailMax))
            .Field(Proto.RaiseObjectionRequest.Descriptor, "evidence", FieldLimit.Bytes((int)ObjectionRules.EvidenceMaxBytes))
            .Field(Proto.RaiseObjectionRequest.Descriptor, "evidence_file_name", FieldLimit.Text(ObjectionRules.FileNameMax))
            .Field(Proto.ResolveObjectionRequest.Descriptor, "request_id", requestId)
            .Field(Proto.ResolveObjectionRequest.Descriptor, "objection_id", id)
            .Field(Proto.ResolveObjectionRequest.Descriptor, "reason", FieldLimit.Prose(ObjectionRules.ReasonMax))
            .Field(Proto.ListObjectionsRequest.Descriptor, "batch_id", id)
            .Field(Proto.ListObjectionsRequest.Descriptor, "entry_id", entryId)
            .Field(Proto.ListObjectionsRequest.Descriptor, "page_size", pageSize)
            .Field(Proto.ListObjectionsRequest.Descriptor, "page_token", pageToken)
            .Field(Proto.GetObjectionEvidenceRequest.Descriptor, "objection_id", id)
            .Field(Proto.PublishDirectoryRequest.Descriptor, "request_id", requestId)
            .Field(Proto.PublishDirectoryRequest.Descriptor, "batch_id", id)
            .Field(Proto.QueryDirectoryRequest.Descriptor, "batch_id", id)
            .Field(Proto.QueryDirectoryRequest.Descriptor, "version", version)
            .Fields(Proto.QueryDirectoryRequest.Descriptor, code, "region_code", "occupation_code", "credit_code")
            .Field(Proto.QueryDirectoryRequest.Descriptor, "name", FieldLimit.Text(Application.PublicationReads.NameQueryMax))
            .Field(Proto.QueryDirectoryRequest.Descriptor, "page_size", pageSize)
            .Field(Proto.QueryDirectoryRequest.Descriptor, "page_token", pageToken)
            .Fields(Proto.GetDirectoryEntryRequest.Descriptor, id, "batch_id", "organisation_id")
            .Field(Proto.GetDirectoryEntryRequest.Descriptor, "version", version)
            .Field(Proto.ListDirectoryVersionsRequest.Descriptor, "batch_id", id)
            .Field(Proto.ExportDirectoryRequest.Descriptor, "batch_id", id)
            .Field(Proto.ExportDirectoryRequest.Descriptor, "version", version);
    }
}
