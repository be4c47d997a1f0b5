using Pilot.ServiceDefaults.Grpc.Input;
using Pilot.SharedKernel;
using Proto = Pilot.Protos.Filing;

namespace Pilot.Filing.Grpc;

/// <summary>
/// Every request field of <c>filing.proto</c> with its limit, declared once: the wire check refuses a request past
/// any of them before authorisation, audit or the domain run, and each field's <c>.proto</c> comment states its limit
/// (<c>InputLimitsTests</c> holds the two together). Sizes come from <see cref="FieldLimits"/>.
/// </summary>
public static class FilingInputLimits
{
    public static InputLimits Create()
    {
        var requestId = FieldLimit.Text(FieldLimits.RequestIdLength);
        var id = FieldLimit.Code(FieldLimits.IdLength);
        var code = FieldLimit.Code(FieldLimits.CodeLength);
        var filingId = FieldLimit.Code((FieldLimits.IdLength * 2) + 1);
        var pageToken = FieldLimit.Code(FieldLimits.TokenLength);
        var version = FieldLimit.Range(0, int.MaxValue);

        return new InputLimits(Proto.FilingReflection.Descriptor)
            .Fields(Proto.UploadMetadata.Descriptor, id, "batch_id", "sponsor_org_id")
            .Field(Proto.UploadMetadata.Descriptor, "file_name", FieldLimit.Text(FieldLimits.FileNameLength))
            .Field(Proto.UploadDocumentRequest.Descriptor, "chunk", FieldLimit.Bytes(FieldLimits.UploadChunkBytes))
            .Field(Proto.DocumentDeclaration.Descriptor, "document_id", id)
            .Field(Proto.DocumentDeclaration.Descriptor, "sha256", code)
            .Fields(Proto.DocumentDeclaration.Descriptor, FieldLimit.Items(FieldLimits.PackageDocuments, id), "sections", "regulations")
            .Field(Proto.SubmitPackageRequest.Descriptor, "request_id", requestId)
            .Fields(Proto.SubmitPackageRequest.Descriptor, id, "batch_id", "sponsor_org_id")
            .Field(Proto.SubmitPackageRequest.Descriptor, "expected_version", version)
            .Field(Proto.SubmitPackageRequest.Descriptor, "documents", FieldLimit.Items(FieldLimits.PackageDocuments))
            .Field(Proto.SubmitPackageRequest.Descriptor, "letter_date", FieldLimit.Date())
            .Field(Proto.SubmitPackageRequest.Descriptor, "branch_ids", FieldLimit.Items(FieldLimits.PackageBranches, id))
            .Fields(Proto.GetPackageRequest.Descriptor, id, "batch_id", "sponsor_org_id")
            .Field(Proto.OccupationRef.Descriptor, "code", code)
            .Field(Proto.OccupationRef.Descriptor, "sub_type", FieldLimit.Text(FieldLimits.SubTypeLength))
            .Field(Proto.SubmitFilingRequest.Descriptor, "request_id", requestId)
            .Fields(Proto.SubmitFilingRequest.Descriptor, id, "batch_id", "branch_id")
            .Fields(Proto.SubmitFilingRequest.Descriptor, code, "branch_credit_code", "region_code")
            .Field(Proto.SubmitFilingRequest.Descriptor, "occupations", FieldLimit.Items(FieldLimits.Occupations))
            .Field(Proto.SubmitFilingRequest.Descriptor, "expected_version", version)
            .Field(Proto.GetFilingRequest.Descriptor, "filing_id", filingId)
            .Field(Proto.ListFilingsRequest.Descriptor, "region_code", code)
            .Field(Proto.ListFilingsRequest.Descriptor, "page_token", pageToken)
            .Field(Proto.WatchFilingsRequest.Descriptor, "region_code", code)
            .Field(Proto.WatchFilingsRequest.Descriptor, "cursor", pageToken)
            .Field(Proto.AcceptFilingRequest.Descriptor, "request_id", requestId)
            .Field(Proto.AcceptFilingRequest.Descriptor, "filing_id", filingId)
            .Field(Proto.AcceptFilingRequest.Descriptor, "expected_version", version)
            .Field(Proto.AcceptFilingRequest.Descriptor, "filing_number", FieldLimit.Text(FieldLimits.CodeLength))
            .Field(Proto.AcceptFilingRequest.Descriptor, "filed_on", FieldLimit.Date())
            .Field(Proto.RejectFilingRequest.Descriptor, "request_id", requestId)
            .Field(Proto.RejectFilingRequest.Descriptor, "filing_id", filingId)
            .Field(Proto.RejectFilingRequest.Descriptor, "expected_version", version)
            .Field(Proto.RejectFilingRequest.Descriptor, "reason", FieldLimit.Prose(FieldLimits.ReasonLength))
            .Field(Proto.ListAuditRequest.Descriptor, "region_code", code)
            .Field(Proto.ListAuditRequest.Descriptor, "page_token", pageToken)
            .Field(Proto.ListDueItemsRequest.Descriptor, "batch_id", id)
            .Field(Proto.ListDueItemsRequest.Descriptor, "within_working_days", FieldLimit.Range(0, 250))
            .Field(Proto.ListDueItemsRequest.Descriptor, "today", FieldLimit.Date());
    }
}
