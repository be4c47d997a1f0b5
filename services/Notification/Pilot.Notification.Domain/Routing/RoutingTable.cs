using Pilot.Notification.Domain.Parties;

namespace Pilot.Notification.Domain.Routing;

/// <summary>Who hears an event of one type, and which template tells them.</summary>
/// <param name="Recipients">In words, for the docs and the table test.</param>
public sealed record Route(string EventType, string Template, string Recipients, Func<NotificationEvent, IEnumerable<Party>> Resolve);

/// <summary>
/// The one place that decides who is told what. An event type that is not here is told to nobody; a party named twice
/// (an industry organisation is its own sponsor) hears it once.
/// </summary>
public sealed class RoutingTable
{
    /// <summary>The list of an organisation's sponsors (the departments that recommended it, or itself), looked up before routing.</summary>
    public const string SponsorsList = "sponsors";

    private readonly Dictionary<string, Route> routes;

    public RoutingTable(IEnumerable<Route> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        this.routes = routes.ToDictionary(route => route.EventType, StringComparer.Ordinal);
    }

    public static RoutingTable Default { get; } = new(
    [
        new(EventTypes.PackageAccepted, "package-accepted", "the sponsor", e => [Org(e, "sponsorOrgId")]),
        new(EventTypes.PackageRefused, "package-refused", "the sponsor, with what is missing", e => [Org(e, "sponsorOrgId")]),
        new(EventTypes.FilingSubmitted, "filing-submitted", "the provincial bureau of the branch's region", e => [Bureau(e)]),
        new(EventTypes.FilingAccepted, "filing-accepted", "the organisation and its sponsors", e => [Org(e, "organisationId"), .. Sponsors(e)]),
        new(EventTypes.FilingRejected, "filing-rejected", "the organisation and its sponsors", e => [Org(e, "organisationId"), .. Sponsors(e)]),
        new(EventTypes.PublicityScheduled, "publicity-scheduled", "the organisation", e => [Org(e, "organisationId")]),
        new(EventTypes.PublicityConcluded, "publicity-concluded", "the organisation", e => [Org(e, "organisationId")]),
        new(EventTypes.ObjectionRaised, "objection-raised", "the organisation, and the provincial bureau of the region for a branch's entry", e => [Org(e, "organisationId"), .. BureauIfAny(e)]),
        new(EventTypes.ObjectionResolved, "objection-resolved", "the organisation, and the provincial bureau of the region for a branch's entry", e => [Org(e, "organisationId"), .. BureauIfAny(e)]),
        new(EventTypes.DirectoryPublished, "directory-published", "every organisation in the directory and every sponsor",
            e => [.. e.List("organisations").Select(Party.Organisation), .. e.List(SponsorsList).Select(Party.Organisation)]),
        new(EventTypes.OrganisationsRecommended, "organisations-recommended", "the recommended organisations",
            e => e.List("organisations").Select(Party.Organisation)),
        new(EventTypes.Reminder, "reminder", "the party responsible for the open item", e => [Org(e, "responsibleOrgId")]),
        new(EventTypes.Overdue, "overdue", "the party responsible for the late item, and the national centre", e => [Org(e, "responsibleOrgId"), Party.NationalCentre]),
    ]);

    public IReadOnlyCollection<Route> Routes => routes.Values;

    public Route? Find(string eventType) => routes.GetValueOrDefault(eventType);

    /// <summary>The parties who hear <paramref name="evt"/>, each once, in the table's order; none for a type not routed.</summary>
    public IReadOnlyList<Party> RecipientsOf(NotificationEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return Find(evt.EventType) is { } route ? [.. route.Resolve(evt).Distinct()] : [];
    }

    private static Party Org(NotificationEvent e, string fact) => Party.Organisation(e.Fact(fact));

    private static Party Bureau(NotificationEvent e) => Party.BureauOf(e.Fact("regionCode"));

    // An organisation's own entry has no region: no bureau supervises it, so none is told.
    private static IEnumerable<Party> BureauIfAny(NotificationEvent e) =>
        e.Facts.TryGetValue("regionCode", out var region) && !string.IsNullOrEmpty(region) ? [Party.BureauOf(region)] : [];

    private static IEnumerable<Party> Sponsors(NotificationEvent e) => e.List(SponsorsList).Select(Party.Organisation);
}
