using Pilot.FactCopies;
using Pilot.Publication.Domain.Publicity;
using Pilot.Publication.IntegrationEvents;

namespace Pilot.Publication.Facts;

/// <summary>Which Registry events keep which of Publication's copies.</summary>
internal static class RegistryFactCopies
{
    public static IServiceCollection AddRegistryFactCopies(this IServiceCollection services)
    {
        services.AddFactCopy<OrganisationFact>("organisation", copy => copy
            .From<OrganisationRegistered>(registered => registered.OrganisationId, (_, registered) =>
                new OrganisationFact(registered.OrganisationId, registered.Name, registered.CreditCode, registered.IsIndustryOrganisation, Listed(registered.Occupations))));
        services.AddFactCopy<BranchFact>("branch", copy => copy
            .From<BranchAdded>(added => added.BranchId, (_, added) => new BranchFact(
                added.BranchId, added.OrganisationId, added.BatchId, added.Name, added.CreditCode, added.RegionCode, added.RegionName, added.Address, Listed(added.Occupations)))
            .From<BranchChanged>(changed => changed.BranchId, (_, changed) => new BranchFact(
                changed.BranchId, changed.OrganisationId, changed.BatchId, changed.Name, changed.CreditCode, changed.RegionCode, changed.RegionName, changed.Address,
                Listed(changed.Occupations))));
        services.AddFactCopy<RecommendationFact>("recommendation", copy => copy
            .From<OrganisationsRecommended>(recommended => RecommendationFact.IdOf(recommended.BatchId, recommended.DepartmentId), (_, recommended) => new RecommendationFact(
                recommended.BatchId, recommended.DepartmentId, recommended.DepartmentName,
                (recommended.Organisations ?? []).Select(organisation => organisation.OrganisationId).ToList())));
        services.AddSingleton<PublicListings>();
        return services;
    }

    private static List<ListedOccupation> Listed(IReadOnlyList<RegistryOccupation>? occupations) =>
        (occupations ?? []).Select(occupation => new ListedOccupation(occupation.Code, occupation.Name, occupation.SubType, occupation.Levels ?? [])).ToList();
}
