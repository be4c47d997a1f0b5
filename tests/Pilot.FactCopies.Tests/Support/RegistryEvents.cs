using Pilot.EventBus;

namespace Pilot.FactCopies.Tests.Support;

// The consumer's own copies of the Registry's contracts (Pilot.Registry.Domain.Events), as far as the copies read them;
// the envelopes carry the Registry's full records, so unknown fields are ignored as in a real consumer.

public sealed record Contact(string Name, string Phone, string Email);

public sealed record OrganisationRegistered(
    string OrganisationId, string CreditCode, string Name, string LegalForm, bool IsIndustryOrganisation, IReadOnlyList<Contact> Contacts) : IIntegrationEvent
{
    public static string EventType => "pilot.registry.organisation-registered.v1";

    public static string Topic => PilotTopics.Registry;
}

public sealed record OrganisationContactsChanged(string OrganisationId, string Name, IReadOnlyList<Contact> Contacts) : IIntegrationEvent
{
    public static string EventType => "pilot.registry.organisation-contacts-changed.v1";

    public static string Topic => PilotTopics.Registry;
}

public sealed record BranchAdded(
    string BranchId, string OrganisationId, string OrganisationName, string Name, string CreditCode, string RegionCode, string RegionName, string Address) : IIntegrationEvent
{
    public static string EventType => "pilot.registry.branch-added.v1";

    public static string Topic => PilotTopics.Registry;
}

/// <summary>The branch as it is now.</summary>
public sealed record BranchChanged(
    string BranchId, string OrganisationId, string OrganisationName, string Name, string CreditCode, string RegionCode, string RegionName, string PreviousRegionCode, string Address) : IIntegrationEvent
{
    public static string EventType => "pilot.registry.branch-changed.v1";

    public static string Topic => PilotTopics.Registry;
}
