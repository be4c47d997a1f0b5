using System.Globalization;
using Pilot.Registry.Domain.Commands;
using Pilot.Registry.Domain.Model;
using Pilot.SharedKernel;
using Proto = Pilot.Protos.Registry;

namespace Pilot.Registry.Grpc;

/// <summary>From the wire to the domain's commands. Shape errors name the request field.</summary>
internal static class RegistryRequestMapper
{
    public static OpenBatch ToCommand(Proto.OpenBatchRequest request) =>
        new(request.RequestId, request.BatchId, request.Name, ToMilestones(request.Milestones));

    public static RegisterDepartment ToCommand(Proto.RegisterDepartmentRequest request)
    {
        var department = request.Department ?? throw DomainException.Invalid("department", "department is required");
        return new RegisterDepartment(
            request.RequestId,
            department.Id,
            department.Name,
            [.. department.FormerOccupations.Select(o => new OccupationRef(o.Code, Blank(o.SubType)))]);
    }

    public static RegisterOrganisation ToCommand(Proto.RegisterOrganisationRequest request) =>
        new(request.RequestId, ToDraft(request.Organisation), ToEligibility(request.Eligibility, "eligibility"));

    public static RegisterIndustryOrganisation ToCommand(Proto.RegisterIndustryOrganisationRequest request) =>
        new(
            request.RequestId,
            ToDraft(request.Organisation),
            request.Kind switch
            {
                Proto.IndustryKind.Comprehensive => IndustryOrganisationKind.Comprehensive,
                Proto.IndustryKind.Professional => IndustryOrganisationKind.Professional,
                _ => throw DomainException.Invalid("kind", "kind must be INDUSTRY_KIND_COMPREHENSIVE (综合类) or INDUSTRY_KIND_PROFESSIONAL (专业性)" ),
            },
            [.. request.MemberAssociations.Select(name => new MemberAssociation(name))]);

    public static ReplaceContacts ToCommand(Proto.ReplaceContactsRequest request) =>
        new(request.RequestId, request.OrganisationId, [.. request.Contacts.Select(ToContact)]);

    public static RecommendOrganisations ToCommand(Proto.RecommendOrganisationsRequest request) =>
        new(request.RequestId, request.BatchId, request.DepartmentId, [.. request.OrganisationIds]);

    public static AddBranch ToCommand(Proto.AddBranchRequest request) =>
        new(request.RequestId, request.BatchId, request.OrganisationId, ToDraft(request.Branch));

    public static ChangeBranch ToCommand(Proto.ChangeBranchRequest request) =>
        new(request.RequestId, ToDraft(request.Branch));

    public static RecordException ToCommand(Proto.RecordExceptionRequest request) =>
        new(
            request.RequestId,
            request.Party.Trim().ToLowerInvariant() switch
            {
                "organisation" => PartyKind.Organisation,
                "branch" => PartyKind.Branch,
                _ => throw DomainException.Invalid("party", "party must be 'organisation' or 'branch'"),
            },
            request.CreditCode,
            request.Reason);

    private static OrganisationDraft ToDraft(Proto.OrganisationDraft? draft)
    {
        if (draft is null)
        {
            throw DomainException.Invalid("organisation", "organisation is required");
        }

        return new OrganisationDraft(
            draft.Id,
            draft.CreditCode,
            draft.Name,
            draft.LegalForm,
            [.. draft.Occupations.Select(ToCoverage)],
            [.. draft.Contacts.Select(ToContact)]);
    }

    private static BranchDraft ToDraft(Proto.BranchDraft? draft)
    {
        if (draft is null)
        {
            throw DomainException.Invalid("branch", "branch is required");
        }

        return new BranchDraft(
            draft.Id,
            draft.Name,
            draft.CreditCode,
            draft.RegionCode,
            draft.Address,
            ToEligibility(draft.Eligibility, "branch.eligibility"),
            [.. draft.Occupations.Select(ToCoverage)]);
    }

    private static EligibilityFacts ToEligibility(Proto.Eligibility? facts, string field)
    {
        if (facts is null)
        {
            throw DomainException.Invalid(field, "the R1 facts are required (is_government_body, belongs_to_government_body, is_association, …)");
        }

        return new EligibilityFacts(
            facts.IsGovernmentBody,
            facts.BelongsToGovernmentBody,
            facts.IsAssociation,
            facts.HasIsDecoupledFromSupervisor ? facts.IsDecoupledFromSupervisor : null,
            facts.HasIsProfessionalAssociation ? facts.IsProfessionalAssociation : null);
    }

    private static OccupationCoverage ToCoverage(Proto.OccupationCoverage coverage) =>
        new(coverage.Code, Blank(coverage.SubType), [.. coverage.Levels]);

    private static Contact ToContact(Proto.Contact contact) => new(contact.Name, contact.Phone, contact.Email);

    private static BatchMilestones ToMilestones(Proto.Milestones? milestones)
    {
        if (milestones is null)
        {
            throw DomainException.Invalid("milestones", "the batch's three R8 milestone dates are required");
        }

        return new BatchMilestones(
            ToDate(milestones.PlanStandardsAndFirstList, "milestones.plan_standards_and_first_list"),
            ToDate(milestones.LocalFilingGuidance, "milestones.local_filing_guidance"),
            ToDate(milestones.ImplementationPublicityAndDirectory, "milestones.implementation_publicity_and_directory"));
    }

    private static DateOnly ToDate(string text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw DomainException.Invalid(field, $"'{text}' is not a date in the form yyyy-MM-dd");

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
