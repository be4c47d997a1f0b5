namespace Pilot.Publication;

/// <summary>Settings of the Publication service, bound from <c>Pilot:Publication</c>.</summary>
public sealed class PublicationOptions
{
    public const string SectionName = "Pilot:Publication";

    /// <summary>Working days a filed branch stays in online publicity; the notice leaves it open, DOMAIN.md sets 5.</summary>
    public int PublicityWorkingDays { get; set; } = 5;

    /// <summary>
    /// Development only: every window lasts this many minutes from the acceptance instead of the working days, so a
    /// local run reaches a published directory in minutes. The service refuses to start with it outside Development.
    /// </summary>
    public int? WindowMinutes { get; set; }

    /// <summary>Objections one client address may raise per minute (the public needs no login, so this is its limit).</summary>
    public int ObjectionsPerMinute { get; set; } = 5;

    /// <summary>
    /// Addresses of reverse proxies whose <c>X-Forwarded-For</c> is believed. Empty (the default): the connection's own
    /// address is the client's, and a forwarded header from anyone else is ignored.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>The period of a publicity accepted at <paramref name="acceptedAt"/>.</summary>
    public Domain.Publicity.PublicityPeriod PeriodFor(DateTimeOffset acceptedAt, SharedKernel.WorkingDayCalendar calendar) =>
        WindowMinutes is { } minutes
            ? Domain.Publicity.PublicityPeriod.Shortened(acceptedAt, TimeSpan.FromMinutes(minutes))
            : Domain.Publicity.PublicityPeriod.After(acceptedAt, PublicityWorkingDays, calendar);
}
