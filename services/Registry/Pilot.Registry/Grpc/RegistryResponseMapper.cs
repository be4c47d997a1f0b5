using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.Occupations;
using Pilot.Registry.Domain.Queries;
using Proto = Pilot.Protos.Registry;

namespace Pilot.Registry.Grpc;

/// <summary>From the domain's records to the wire.</summary>
internal static class RegistryResponseMapper
{
    public static Proto.Batch ToProto(Batch batch) => new()
    {
        Id = batch.Id,
        Name = batch.Name,
        Status = batch.IsOpen ? Proto.BatchStatus.Open : Proto.BatchStatus.Closed,
        Milestones = new Proto.Milestones
        {
            PlanStandardsAndFirstList = Date(batch.Milestones.PlanStandardsAndFirstList),
            LocalFilingGuidance = Date(batch.Milestones.LocalFilingGuidance),
            ImplementationPublicityAndDirectory = Date(batch.Milestones.ImplementationPublicityAndDirectory),
        },
    };

    public static Proto.Department ToProto(Department department)
    {
        var proto = new Proto.Department { Id = department.Id, Name = department.Name };
        proto.FormerOccupations.AddRange(department.FormerOccupations.Select(o => new Proto.OccupationRef { Code = o.Code, SubType = o.SubType ?? string.Empty }));
        return proto;
    }

    public static Proto.Organisation ToProto(OrganisationView view, OccupationCatalogue catalogue)
    {
        var organisation = view.Organisation;
        var proto = new Proto.Organisation
        {
            Id = organisation.Id,
            CreditCode = organisation.CreditCode.Value,
            Name = organisation.Name,
            LegalForm = organisation.LegalForm,
            Published = organisation.IsPublished,
            Eligibility = organisation.Eligibility is null ? null : ToProto(organisation.Eligibility),
            Exception = view.Exception is null ? null : ToProto(view.Exception),
        };
        if (organisation.Industry is { } industry)
        {
            proto.Industry = new Proto.IndustryProfile
            {
                Kind = industry.Kind == IndustryOrganisationKind.Comprehensive ? Proto.IndustryKind.Comprehensive : Proto.IndustryKind.Professional,
            };
            proto.Industry.MemberAssociations.AddRange(industry.MemberAssociations.Select(m => m.Name));
        }

        proto.Occupations.AddRange(organisation.Occupations.Select(o => ToProto(o, catalogue)));
        proto.Contacts.AddRange(organisation.Contacts.Select(c => new Proto.Contact { Name = c.Name, Phone = c.Phone, Email = c.Email }));
        return proto;
    }

    /// <param name="recommendedBy">The departments recommending the branch's organisation for its batch.</param>
    public static Proto.Branch ToProto(BranchView view, IReadOnlyList<string> recommendedBy, OccupationCatalogue catalogue)
    {
        var branch = view.Branch;
        var proto = new Proto.Branch
        {
            Id = branch.Id,
            OrganisationId = branch.OrganisationId,
            OrganisationName = view.OrganisationName,
            OrganisationIsIndustry = view.IsIndustryOrganisation,
            // R5's Registry side: an industry organisation, or one a department recommended for this batch.
            OrganisationAdmitted = view.IsIndustryOrganisation || recommendedBy.Count > 0,
            BatchId = branch.BatchId,
            Name = branch.Name,
            CreditCode = branch.CreditCode.Value,
            Region = new Proto.Region { Code = branch.Region.Code, Name = branch.Region.Name },
            Address = branch.Address,
            Eligibility = ToProto(branch.Eligibility),
            Exception = view.Exception is null ? null : ToProto(view.Exception),
        };
        proto.Occupations.AddRange(branch.Occupations.Select(o => ToProto(o, catalogue)));
        proto.RecommendedBy.AddRange(recommendedBy);
        return proto;
    }

    public static Proto.Recommendation ToProto(Recommendation recommendation)
    {
        var proto = new Proto.Recommendation { BatchId = recommendation.BatchId, DepartmentId = recommendation.DepartmentId };
        proto.OrganisationIds.AddRange(recommendation.OrganisationIds);
        return proto;
    }

    public static Proto.RuleException ToProto(ExceptionRecord exception) => new()
    {
        Party = exception.Party == PartyKind.Branch ? "branch" : "organisation",
        CreditCode = exception.CreditCode.Value,
        Rule = exception.Rule,
        Reason = exception.Reason,
        RecordedBy = exception.RecordedBy,
        RecordedAt = Timestamp.FromDateTimeOffset(exception.RecordedAt),
    };

    public static Proto.Occupation ToProto(Occupation occupation)
    {
        var proto = new Proto.Occupation
        {
            Code = occupation.Code,
            Name = occupation.Name,
            MinorClass = occupation.MinorClass,
            InPilotScope = occupation.IsInPilotScope,
            Kind = occupation.Kind switch
            {
                QualificationKind.LevelEvaluation => Proto.QualificationKind.LevelEvaluation,
                QualificationKind.Licensing => Proto.QualificationKind.Licensing,
                QualificationKind.AboutToBecomeLicensing => Proto.QualificationKind.AboutToBecomeLicensing,
                _ => Proto.QualificationKind.NotInCatalogue,
            },
        };
        proto.SubTypes.AddRange(occupation.SubTypes);
        return proto;
    }

    private static Proto.Eligibility ToProto(EligibilityFacts facts)
    {
        var proto = new Proto.Eligibility
        {
            IsGovernmentBody = facts.IsGovernmentBody,
            BelongsToGovernmentBody = facts.BelongsToGovernmentBody,
            IsAssociation = facts.IsAssociation,
        };
        if (facts.IsDecoupledFromSupervisor is { } decoupled)
        {
            proto.IsDecoupledFromSupervisor = decoupled;
        }

        if (facts.IsProfessionalAssociation is { } professional)
        {
            proto.IsProfessionalAssociation = professional;
        }

        return proto;
    }

    private static Proto.OccupationCoverage ToProto(OccupationCoverage coverage, OccupationCatalogue catalogue)
    {
        var proto = new Proto.OccupationCoverage
        {
            Code = coverage.Code,
            SubType = coverage.SubType ?? string.Empty,
            Name = catalogue.Find(coverage.Code)?.Name ?? string.Empty,
        };
        proto.Levels.AddRange(coverage.Levels);
        return proto;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
