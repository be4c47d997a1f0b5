using Pilot.EventBus;

namespace Pilot.Publication.IntegrationEvents;

// Publication's own copies of the Registry's contracts on registry-events, as far as a publicity entry shows them
// (names, credit codes, address, occupations, sponsor). Unknown fields are ignored; contacts are never read.

/// <summary>An occupation as the Registry's events carry it.</summary>
public sealed record RegistryOccupation(string Code, string? Name, string? SubType, IReadOnlyList<int>? Levels);

public sealed record OrganisationRegistered(
    string OrganisationId,
    string CreditCode,
    string Name,
    bool IsIndustryOrganisation,
    IReadOnlyList<RegistryOccupation>? Occupations) : IIntegrationEvent
{
    public static string EventType => "pilot.registry.organisation-registered.v1";

    public static string Topic => PilotTopics.Registry;
}

public sealed record BranchAdded(
    string BranchId,
    string OrganisationId,
    string BatchId,
    string Name,
    string CreditCode,
    string RegionCode,
    string RegionName,
    string Address,
    IReadOnlyList<RegistryOccupation>? Occupations) : IIntegrationEvent
{
    public static string EventType => "pilot.registry.branch-added.v1";

    public static string Topic => PilotTopics.Registry;
}

public sealed record BranchChanged(
    string BranchId,
    string OrganisationId,
    string BatchId,
    string Name,
    string CreditCode,
    string RegionCode,
    string RegionName,
    string Address,
    IReadOnlyList<RegistryOccupation>? Occupations) : IIntegrationEvent
{
    public static string EventType => "pilot.registry.branch-changed.v1";

    public static string Topic => PilotTopics.Registry;
}

/// <summary>The organisations a department recommends in a batch (R3): who sponsors them.</summary>
public sealed record OrganisationsRecommended(
    string BatchId,
    string DepartmentId,
    string DepartmentName,
    IReadOnlyList<RecommendedOrganisation>? Organisations) : IIntegrationEvent
{
    public static string EventType => "pilot.registry.organisations-recommended.v1";

    public static string Topic => PilotTopics.Registry;
}

public sealed record RecommendedOrganisation(string OrganisationId);
