using Pilot.Registry.Domain.Authorisation;
using Pilot.Registry.Domain.Commands;
using Pilot.Registry.Domain.Events;
using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.Rules;
using Pilot.Registry.Domain.State;
using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Decisions;

public sealed partial class RegistryDecider
{
    /// <summary>A department recommends its two organisations for a batch; once per batch (a second one is a Conflict).</summary>
    public Decision<Recommendation> RecommendOrganisations(RecommendOrganisations command, Caller caller, IRegistryReadModel model)
    {
        RegistryPermissions.Demand(RegistryPermissions.MayRecommend(caller, command.DepartmentId), caller, $"recommend organisations for department {command.DepartmentId}");

        var batch = RequireOpenBatch(command.BatchId, model);
        var department = model.FindDepartment(command.DepartmentId)
            ?? throw DomainException.NotFound("department_id", $"there is no department {command.DepartmentId}");
        var organisationIds = command.OrganisationIds ?? [];
        RecommendationRule.EnforceCount(organisationIds);

        var organisations = organisationIds
            .Select((id, i) => RequireOrganisation(id, $"organisation_ids[{i}]", model))
            .ToList();
        RecommendationRule.EnforceEvaluationOrganisations(organisations);
        if (model.FindRecommendation(batch.Id, department.Id) is not null)
        {
            throw DomainException.AlreadyExists("department_id", $"{department.Name} has already recommended its organisations for {batch.Name}");
        }

        RecommendationRule.EnforceCoverage(department, organisations, Catalogue);

        var recommendation = new Recommendation(batch.Id, department.Id, [.. organisations.Select(o => o.Id)]);
        var recommended = new OrganisationsRecommended(
            batch.Id,
            department.Id,
            department.Name,
            [.. organisations.Select(o => new RecommendedOrganisation(o.Id, o.Name, o.CreditCode.Value, EventItems.Of(o.Occupations, Catalogue)))],
            EventItems.Of(department.FormerOccupations, Catalogue));
        return new(recommendation, [recommended]);
    }
}
