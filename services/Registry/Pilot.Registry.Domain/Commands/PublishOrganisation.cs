namespace Pilot.Registry.Domain.Commands;

/// <summary>Marks an organisation as listed in the published directory, which opens it to public reading.</summary>
public sealed record PublishOrganisation(string RequestId, string OrganisationId);
