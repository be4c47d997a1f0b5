namespace Pilot.Notification.Application;

/// <summary>Notification's copy of an organisation's contacts, kept from the Registry's events: whom e-mail goes to.</summary>
public sealed record OrganisationContacts(string OrganisationId, string Name, IReadOnlyList<string> Emails)
{
    public const string Kind = "organisation-contacts";

    public static OrganisationContacts Of(string organisationId, string name, IEnumerable<IntegrationEvents.EventContact>? contacts) =>
        new(organisationId, name, [.. (contacts ?? []).Select(c => c.Email?.Trim() ?? "").Where(e => e.Contains('@', StringComparison.Ordinal)).Distinct(StringComparer.OrdinalIgnoreCase)]);
}
