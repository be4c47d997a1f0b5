using Pilot.ServiceDefaults.Grpc.Input;
using Pilot.SharedKernel;
using Proto = Pilot.Protos.Registry;

namespace Pilot.Registry.Grpc;

/// <summary>
/// Every request field of <c>registry.proto</c> with its limit, declared once: the wire check refuses a request past
/// any of them before authorisation or the domain run, and each field's <c>.proto</c> comment states its limit
/// (<c>InputLimitsTests</c> holds the two together). Sizes come from <see cref="FieldLimits"/>, which the domain's own
/// checks read too.
/// </summary>
public static class RegistryInputLimits
{
    public static InputLimits Create()
    {
        var requestId = FieldLimit.Text(FieldLimits.RequestIdLength);
        var id = FieldLimit.Code(FieldLimits.IdLength);
        var code = FieldLimit.Code(FieldLimits.CodeLength);
        var name = FieldLimit.Text(FieldLimits.NameLength);
        var pageToken = FieldLimit.Code(FieldLimits.TokenLength);

        return new InputLimits(Proto.RegistryReflection.Descriptor)
            .Field(Proto.ListOccupationsRequest.Descriptor, "query", name)
            .Field(Proto.ListOccupationsRequest.Descriptor, "page_token", pageToken)
            .Field(Proto.GetOccupationRequest.Descriptor, "code", code)
            .Field(Proto.OpenBatchRequest.Descriptor, "request_id", requestId)
            .Field(Proto.OpenBatchRequest.Descriptor, "batch_id", id)
            .Field(Proto.OpenBatchRequest.Descriptor, "name", name)
            .Fields(Proto.Milestones.Descriptor, FieldLimit.Date(), "plan_standards_and_first_list", "local_filing_guidance", "implementation_publicity_and_directory")
            .Field(Proto.CloseBatchRequest.Descriptor, "request_id", requestId)
            .Field(Proto.CloseBatchRequest.Descriptor, "batch_id", id)
            .Field(Proto.GetBatchRequest.Descriptor, "batch_id", id)
            .Field(Proto.OccupationRef.Descriptor, "code", code)
            .Field(Proto.OccupationRef.Descriptor, "sub_type", FieldLimit.Text(FieldLimits.SubTypeLength))
            .Field(Proto.Department.Descriptor, "id", id)
            .Field(Proto.Department.Descriptor, "name", name)
            .Field(Proto.Department.Descriptor, "former_occupations", FieldLimit.Items(FieldLimits.Occupations))
            .Field(Proto.RegisterDepartmentRequest.Descriptor, "request_id", requestId)
            .Field(Proto.GetDepartmentRequest.Descriptor, "department_id", id)
            .Field(Proto.OccupationCoverage.Descriptor, "code", code)
            .Field(Proto.OccupationCoverage.Descriptor, "sub_type", FieldLimit.Text(FieldLimits.SubTypeLength))
            .Field(Proto.OccupationCoverage.Descriptor, "levels", FieldLimit.DistinctIntegers(FieldLimits.HighestLevel, FieldLimits.LowestLevel))
            .Field(Proto.OccupationCoverage.Descriptor, "name", name)
            .Field(Proto.Contact.Descriptor, "name", name)
            .Fields(Proto.Contact.Descriptor, FieldLimit.Text(FieldLimits.ContactFieldLength), "phone", "email")
            .Field(Proto.OrganisationDraft.Descriptor, "id", id)
            .Field(Proto.OrganisationDraft.Descriptor, "credit_code", code)
            .Fields(Proto.OrganisationDraft.Descriptor, name, "name", "legal_form")
            .Field(Proto.OrganisationDraft.Descriptor, "occupations", FieldLimit.Items(FieldLimits.Occupations))
            .Field(Proto.OrganisationDraft.Descriptor, "contacts", FieldLimit.Items(FieldLimits.Contacts))
            .Field(Proto.RegisterOrganisationRequest.Descriptor, "request_id", requestId)
            .Field(Proto.RegisterIndustryOrganisationRequest.Descriptor, "request_id", requestId)
            .Field(Proto.RegisterIndustryOrganisationRequest.Descriptor, "member_associations", FieldLimit.Items(FieldLimits.MemberAssociations, name))
            .Field(Proto.GetOrganisationRequest.Descriptor, "organisation_id", id)
            .Field(Proto.ListOrganisationsRequest.Descriptor, "page_token", pageToken)
            .Field(Proto.ReplaceContactsRequest.Descriptor, "request_id", requestId)
            .Field(Proto.ReplaceContactsRequest.Descriptor, "organisation_id", id)
            .Field(Proto.ReplaceContactsRequest.Descriptor, "contacts", FieldLimit.Items(FieldLimits.Contacts))
            .Field(Proto.PublishOrganisationRequest.Descriptor, "request_id", requestId)
            .Field(Proto.PublishOrganisationRequest.Descriptor, "organisation_id", id)
            .Field(Proto.RecommendOrganisationsRequest.Descriptor, "request_id", requestId)
            .Fields(Proto.RecommendOrganisationsRequest.Descriptor, id, "batch_id", "department_id")
            .Field(Proto.RecommendOrganisationsRequest.Descriptor, "organisation_ids", FieldLimit.Items(FieldLimits.RecommendedOrganisations, id))
            .Fields(Proto.GetRecommendationRequest.Descriptor, id, "batch_id", "department_id")
            .Field(Proto.BranchDraft.Descriptor, "id", id)
            .Field(Proto.BranchDraft.Descriptor, "name", name)
            .Fields(Proto.BranchDraft.Descriptor, code, "credit_code", "region_code")
            .Field(Proto.BranchDraft.Descriptor, "address", FieldLimit.Text(FieldLimits.AddressLength))
            .Field(Proto.BranchDraft.Descriptor, "occupations", FieldLimit.Items(FieldLimits.Occupations))
            .Field(Proto.AddBranchRequest.Descriptor, "request_id", requestId)
            .Fields(Proto.AddBranchRequest.Descriptor, id, "batch_id", "organisation_id")
            .Field(Proto.ChangeBranchRequest.Descriptor, "request_id", requestId)
            .Field(Proto.GetBranchRequest.Descriptor, "branch_id", id)
            .Field(Proto.ListBranchesRequest.Descriptor, "region_code", code)
            .Field(Proto.ListBranchesRequest.Descriptor, "organisation_id", id)
            .Field(Proto.ListBranchesRequest.Descriptor, "page_token", pageToken)
            .Field(Proto.RecordExceptionRequest.Descriptor, "request_id", requestId)
            .Field(Proto.RecordExceptionRequest.Descriptor, "party", name)
            .Field(Proto.RecordExceptionRequest.Descriptor, "credit_code", code)
            .Field(Proto.RecordExceptionRequest.Descriptor, "reason", FieldLimit.Prose(FieldLimits.ReasonLength));
    }
}
