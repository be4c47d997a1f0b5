using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.State;
using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Rules;

/// <summary>
/// R5, the registry's part of it: a branch can be added only under an organisation that a department
/// has recommended for the batch, or that is an industry organisation (三.5). That the work plan names
/// the branch, and the later steps of R5, belong to filing and publication.
/// </summary>
public static class BranchOrderRule
{
    public static bool Allows(EvaluationOrganisation organisation, string batchId, IRegistryReadModel model) =>
        organisation.IsIndustryOrganisation
        || model.RecommendationsNaming(organisation.Id).Any(r => string.Equals(r.BatchId, batchId, StringComparison.Ordinal));

    public static void Enforce(EvaluationOrganisation organisation, string batchId, IRegistryReadModel model)
    {
        if (!Allows(organisation, batchId, model))
        {
            throw DomainException.Precondition(
                "organisation_id",
                $"{organisation.Name} ({organisation.Id}) is not recommended by any department for batch {batchId} and is not an industry organisation, so it cannot have branches yet",
                RuleIds.OrderOfSteps);
        }
    }
}
