using Pilot.EventBus;

namespace Pilot.Registry.IntegrationEvents;

/// <param name="IsIndustryOrganisation">Whether the parent is an industry organisation (it then needs no recommendation, R5).</param>
/// <param name="ExceptionReason">Set when an R1 exception admitted the branch.</param>
public sealed record BranchAdded(
    string BranchId,
    string OrganisationId,
    string OrganisationName,
    bool IsIndustryOrganisation,
    string BatchId,
    string Name,
    string CreditCode,
    string RegionCode,
    string RegionName,
    string Address,
    EventEligibility Eligibility,
    IReadOnlyList<EventOccupation> Occupations,
    string? ExceptionReason) : IIntegrationEvent, IEventSubject
{
    public static string EventType => "pilot.registry.branch-added.v1";

    public static string Topic => PilotTopics.Registry;

    public string Subject => BranchId;
}

/// <summary>The branch as it is now.</summary>
/// <param name="PreviousRegionCode">The region before the change, so the bureau that lost the branch (R6) can be told.</param>
public sealed record BranchChanged(
    string BranchId,
    string OrganisationId,
    string OrganisationName,
    bool IsIndustryOrganisation,
    string BatchId,
    string Name,
    string CreditCode,
    string RegionCode,
    string RegionName,
    string PreviousRegionCode,
    string Address,
    EventEligibility Eligibility,
    IReadOnlyList<EventOccupation> Occupations,
    string? ExceptionReason) : IIntegrationEvent, IEventSubject
{
    public static string EventType => "pilot.registry.branch-changed.v1";

    public static string Topic => PilotTopics.Registry;

    public string Subject => BranchId;
}
