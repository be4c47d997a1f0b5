using Pilot.Notification.Domain.Deliveries;

namespace Pilot.Notification;

/// <summary>Settings of the Notification service, bound from <c>Pilot:Notification</c>.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Pilot:Notification";

    public WebhookOptions Webhooks { get; set; } = new();

    public EmailOptions Email { get; set; } = new();

    public ReminderOptions Reminders { get; set; } = new();

    /// <summary>Attempts per delivery (webhook, e-mail) before it is dead-lettered, and the backoff between them.</summary>
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    public RetrySchedule Retries => new(MaxAttempts, FirstRetryDelay, MaxRetryDelay);
}

public sealed class WebhookOptions
{
    /// <summary>
    /// Lets webhooks reach loopback, link-local and private addresses, and plain http. Off by default: only local runs
    /// (the AppHost's demo receiver on localhost) and tests turn it on.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a rotated-out secret keeps signing beside the new one.</summary>
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);
}

public sealed class EmailOptions
{
    /// <summary>The SMTP relay's host; e-mail is off while it is empty.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary><c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c>.</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "notification@pilot.local";

    public string FromName { get; set; } = "职业技能等级认定试点";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Addresses of parties that have no contacts in the Registry (bureaus, the national centre), by party key with '-' for ':' (configuration keys cannot hold a colon): <c>bureau-110000</c>, <c>centre</c>.</summary>
    public Dictionary<string, string> Addresses { get; set; } = new(StringComparer.Ordinal);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

public sealed class ReminderOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Working days before each due date on which the responsible party is reminded (R8).</summary>
    public List<int> WorkingDaysBefore { get; set; } = [];

    /// <summary>Beijing time of day at which a day's reminders go out.</summary>
    public TimeOnly SendAt { get; set; } = new(9, 0);

    /// <summary>The most days a sweep catches up after the service was down.</summary>
    public int MaxCatchUpDays { get; set; } = 31;

    public IReadOnlyList<int> Offsets => WorkingDaysBefore.Count > 0 ? WorkingDaysBefore : Domain.Reminders.ReminderRules.DefaultOffsets;
}
