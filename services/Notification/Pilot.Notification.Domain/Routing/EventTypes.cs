namespace Pilot.Notification.Domain.Routing;

/// <summary>The CloudEvents types Notification tells parties about, and the two it makes itself (reminders, R8).</summary>
public static class EventTypes
{
    public const string PackageAccepted = "pilot.filing.package-accepted.v1";
    public const string PackageRefused = "pilot.filing.package-refused.v1";
    public const string FilingSubmitted = "pilot.filing.filing-submitted.v1";
    public const string FilingAccepted = "pilot.filing.filing-accepted.v1";
    public const string FilingRejected = "pilot.filing.filing-rejected.v1";
    public const string PublicityScheduled = "pilot.publication.publicity-scheduled.v1";
    public const string PublicityConcluded = "pilot.publication.publicity-concluded.v1";
    public const string ObjectionRaised = "pilot.publication.objection-raised.v1";
    public const string ObjectionResolved = "pilot.publication.objection-resolved.v1";
    public const string DirectoryPublished = "pilot.publication.directory-published.v1";
    public const string OrganisationsRecommended = "pilot.registry.organisations-recommended.v1";
    public const string Reminder = "pilot.notification.reminder.v1";
    public const string Overdue = "pilot.notification.overdue.v1";
}
