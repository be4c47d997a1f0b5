using Pilot.Registry.Domain.Model;

namespace Pilot.Registry.Domain.Events;

/// <summary>Lets reminder senders (R8) keep current contacts without calling back.</summary>
public sealed record OrganisationContactsChanged(string OrganisationId, string Name, IReadOnlyList<Contact> Contacts) : IRegistryEvent
{
    public string Subject => OrganisationId;
}
