using Pilot.EventBus;
using Pilot.Publication.Domain.Publicity;

namespace Pilot.Publication.IntegrationEvents;

/// <summary>
/// Filing's <c>pilot.filing.filing-accepted.v1</c>, as far as publicity reads it. Publication keeps its own copy
/// of the contract (services share no assemblies of each other's events); unknown fields are ignored.
/// </summary>
public sealed record FilingAccepted(
    string FilingId,
    string BatchId,
    string FilingNumber,
    DateOnly FiledOn,
    string BranchId,
    string OrganisationId,
    string RegionCode,
    string RegionName,
    IReadOnlyList<AcceptedOccupation>? Occupations,
    DateTimeOffset OccurredAt) : IIntegrationEvent
{
    public static string EventType => "pilot.filing.filing-accepted.v1";

    public static string Topic => PilotTopics.Filing;

    /// <summary>The acceptance as the domain reads it, dated <paramref name="acceptedAt"/>.</summary>
    public AcceptedFiling ToDomain(DateTimeOffset acceptedAt) =>
        new(FilingId, BatchId, BranchId, OrganisationId, RegionCode, RegionName, FilingNumber, FiledOn, Occupations ?? [], acceptedAt);
}
