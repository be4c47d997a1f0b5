using Pilot.EventBus;

namespace Pilot.Publication.Publicity;

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
}

/// <summary>An occupation of the accepted filing: its 职业分类大典 code and sub-type (工种), if any.</summary>
public sealed record AcceptedOccupation(string Code, string? SubType = null);
