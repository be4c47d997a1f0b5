namespace Pilot.Registry.Domain.Events;

public sealed record OrganisationPublished(string OrganisationId, string Name, string CreditCode, bool IsIndustryOrganisation) : IRegistryEvent
{
    public const string Type = "pilot.registry.organisation-published.v1";

    public string EventType => Type;

    public string Subject => OrganisationId;
}
