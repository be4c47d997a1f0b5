using Pilot.Registry.Domain.Model;

namespace Pilot.Registry.Domain.Commands;

/// <summary>Replaces an organisation's contacts. Field paths: <c>organisation_id</c>, <c>contacts[i].*</c>.</summary>
public sealed record ReplaceContacts(string RequestId, string OrganisationId, IReadOnlyList<Contact> Contacts);
