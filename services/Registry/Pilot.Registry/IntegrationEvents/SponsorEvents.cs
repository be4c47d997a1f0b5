using Pilot.EventBus;

namespace Pilot.Registry.IntegrationEvents;

/// <summary>A department or industry organisation joined as a sponsor; consumers learn who owes a material package (R7).</summary>
/// <param name="Kind"><c>governmentDepartment</c> or <c>industryOrganisation</c>.</param>
/// <param name="IndustryKind"><c>comprehensive</c> or <c>professional</c> for an industry organisation.</param>
public sealed record SponsorRegistered(
    string SponsorId,
    string Kind,
    string Name,
    string? IndustryKind,
    IReadOnlyList<EventOccupation> Occupations,
    IReadOnlyList<string> MemberAssociations) : IIntegrationEvent, IEventSubject
{
    public static string EventType => "pilot.registry.sponsor-registered.v1";

    public static string Topic => PilotTopics.Registry;

    public string Subject => SponsorId;
}

/// <param name="FormerOccupations">The department's former occupations, all covered by the two organisations (R3).</param>
public sealed record OrganisationsRecommended(
    string BatchId,
    string DepartmentId,
    string DepartmentName,
    IReadOnlyList<EventRecommendedOrganisation> Organisations,
    IReadOnlyList<EventOccupation> FormerOccupations) : IIntegrationEvent, IEventSubject
{
    public static string EventType => "pilot.registry.organisations-recommended.v1";

    public static string Topic => PilotTopics.Registry;

    public string Subject => DepartmentId;
}

/// <param name="Party"><c>organisation</c> or <c>branch</c>.</param>
/// <param name="PartyId">The party's id if it has already registered; null when recorded ahead of registration.</param>
public sealed record ExceptionRecorded(
    string Party,
    string CreditCode,
    string? PartyId,
    string? PartyName,
    string Rule,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IIntegrationEvent, IEventSubject
{
    public static string EventType => "pilot.registry.exception-recorded.v1";

    public static string Topic => PilotTopics.Registry;

    public string Subject => CreditCode;
}
