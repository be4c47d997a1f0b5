namespace Pilot.Registry.Domain.Events;

public sealed record OrganisationPublished(string OrganisationId, string Name, string CreditCode, bool IsIndustryOrganisation) : IRegistryEvent
{
    public string Subject => OrganisationId;
}
