using Pilot.EventBus;

namespace Pilot.Registry.IntegrationEvents;

/// <param name="IndustryKind"><c>comprehensive</c> or <c>professional</c> for an industry organisation.</param>
/// <param name="ExceptionReason">Set when R1 would have refused the organisation and the national centre's recorded exception admitted it.</param>
public sealed record OrganisationRegistered(
    string OrganisationId,
    string CreditCode,
    string Name,
    string LegalForm,
    bool IsIndustryOrganisation,
    string? IndustryKind,
    IReadOnlyList<EventOccupation> Occupations,
    IReadOnlyList<EventContact> Contacts,
    string? ExceptionReason) : IIntegrationEvent, IEventSubject
{
    public static string EventType => "pilot.registry.organisation-registered.v1";

    public static string Topic => PilotTopics.Registry;

    public string Subject => OrganisationId;
}

/// <summary>Lets reminder senders (R8) keep current contacts without calling back.</summary>
public sealed record OrganisationContactsChanged(string OrganisationId, string Name, IReadOnlyList<EventContact> Contacts) : IIntegrationEvent, IEventSubject
{
    public static string EventType => "pilot.registry.organisation-contacts-changed.v1";

    public static string Topic => PilotTopics.Registry;

    public string Subject => OrganisationId;
}
