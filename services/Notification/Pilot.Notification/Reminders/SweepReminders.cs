namespace Pilot.Notification.Reminders;

/// <summary>The daily job that sends the reminders and overdue notices of R8; one job for the whole service.</summary>
public sealed record SweepReminders
{
    public const string Kind = "reminder-sweep";

    public const string Key = "reminders:sweep";
}
